/**
 * One-way dependencies (ARCHITECTURE.md "Layers"), checked by `npm run lint:deps` (part of `npm test`).
 * Each rule names the layer that may not point where; `npx depcruise --config .dependency-cruiser.cjs server`
 * prints every offending import.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle couples its files: move the shared part into a third file both import.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'platform-not-to-modules',
      severity: 'error',
      comment: 'server/platform holds no domain code: it never imports a module, the demo seed, app.ts or the CLI.',
      // Tests may assemble the whole app (server/app.ts) to exercise a platform hook end to end.
      from: { path: '^server/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/(modules|seed|cli|app\\.ts|main\\.ts|cli\\.ts)' },
    },
    {
      name: 'modules-not-to-seed',
      severity: 'error',
      comment: 'Modules never import the demo seed (server/seed): the seed imports modules, not the other way round.',
      from: { path: '^server/modules/', pathNot: '\\.test\\.ts$|/test-fixture\\.ts$' },
      to: { path: '^server/seed/' },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      comment: 'contracts/ is shared with the web app: it imports only zod and other contracts.',
      from: { path: '^contracts/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'web-not-to-server',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP; it shares only contracts/.',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data)/' },
    tsPreCompilationDeps: true,
    // Unresolvable imports are left to `npm run typecheck`.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    skipAnalysisNotInRules: true,
  },
};
