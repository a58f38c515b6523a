/**
 * A Kysely that runs queries on a real database and keeps every compiled query, so a benchmark can time a use
 * case's exact SQL directly on the database (the baseline) without copying the query.
 */
import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from "kysely";

export function capturingKysely<DB>(target: Kysely<DB>): { db: Kysely<DB>; captured: CompiledQuery[] } {
  const captured: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery: <R,>(compiled: CompiledQuery) => {
      captured.push(compiled);
      return target.executeQuery(compiled) as Promise<QueryResult<R>>;
    },
    streamQuery: () => {
      throw new Error("capturingKysely does not stream");
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {
      throw new Error("capturingKysely does not run transactions");
    },
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (introspected) => new PostgresIntrospector(introspected),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, captured };
}
