import pg from 'pg';

// int8 (counts, bigserial ids) and numeric arrive as text from `pg` but as numbers from PGlite's
// own client; every id and count we keep fits in 2^53, so parse them to numbers everywhere.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export { pg };
