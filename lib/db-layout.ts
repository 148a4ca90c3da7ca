/**
 * The database's names and schema version, without Dexie: lib/db.ts declares the database with
 * them, and lib/db-peek.ts reads it with the plain IndexedDB API before Dexie is even loaded.
 */
export const DB_NAME = 'postulo';

/** The newest `version(n)` declared in lib/db.ts; a test keeps the two in step. */
export const DB_SCHEMA_VERSION = 1;

/** The IndexedDB version Dexie gives that schema (it multiplies by ten). */
export const DB_IDB_VERSION = DB_SCHEMA_VERSION * 10;

/** The closesAt key of an offer with no closing date, so that it sorts after every real date. */
export const NO_CLOSING_DATE = '9999-12-31';
