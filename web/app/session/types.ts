// Type-only imports: the server's zod contracts define the shapes, and no zod reaches the bundle.
import type { Me as ContractMe } from '../../../contracts/accounts.ts';

export type Me = ContractMe;
export type Role = Me['role'];
export type MeScope = NonNullable<Me['scope']>;
