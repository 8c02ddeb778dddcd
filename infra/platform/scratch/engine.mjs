import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
const require = createRequire(import.meta.url);
let mod;
export async function load() {
  if (mod) return mod;
  const b = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const p = join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(p), { "./schema_engine_bg.js": b });
  b.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return (mod = b);
}
export const FILTERS = { externalTables: [], externalEnums: [] };
export async function engine(datamodel, factory, log = (m) => console.log("LOG", m)) {
  const { SchemaEngine } = await load();
  return SchemaEngine.new({ datamodels: [[datamodel.path, datamodel.content]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
}
export function withSchema(factory, schema) {
  return {
    provider: factory.provider, adapterName: factory.adapterName,
    async connect() { const a = await factory.connect(); const gi = a.getConnectionInfo.bind(a); a.getConnectionInfo = () => ({ ...gi(), schemaName: schema }); return a; },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}
