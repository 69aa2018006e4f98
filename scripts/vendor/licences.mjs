// The npm packages a package depends on (transitively, as installed here), one line each with
// the licence its package.json declares. Usage: node licences.mjs PACKAGE
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const seen = new Map();
function visit(name) {
  if (seen.has(name)) return;
  const file = join("node_modules", name, "package.json");
  if (!existsSync(file)) return;       // an optional dependency that was not installed
  const pkg = JSON.parse(readFileSync(file, "utf8"));
  seen.set(name, `${name} ${pkg.version}: ${pkg.license || "see package"}`);
  for (const dep of Object.keys(pkg.dependencies || {})) visit(dep);
}
visit(process.argv[2]);
for (const line of [...seen.values()].sort()) console.log("  " + line);
