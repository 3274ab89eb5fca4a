// Generates the typed API client's types from the four services' OpenAPI documents
// (docs/openapi/*.json, written by `make docs`). `--check` fails when they are out of date.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const docs = path.resolve(here, "../../docs/openapi");
const out = path.resolve(here, "../src/api/schema");
const services = ["org", "recruiting", "notify", "talent"];
const check = process.argv.includes("--check");
let stale = [];

for (const name of services) {
  const doc = JSON.parse(await readFile(path.join(docs, `${name}.json`), "utf8"));
  const ast = await openapiTS(doc);
  const text =
    `// Generated from docs/openapi/${name}.json by \`npm run gen:api\` (make docs). Do not edit.\n` +
    astToString(ast);
  const target = path.join(out, `${name}.ts`);
  if (check) {
    const current = await readFile(target, "utf8").catch(() => "");
    if (current !== text) stale.push(target);
  } else {
    await writeFile(target, text);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
}
if (stale.length) {
  console.error(`out of date (run make docs): ${stale.join(", ")}`);
  process.exit(1);
}
