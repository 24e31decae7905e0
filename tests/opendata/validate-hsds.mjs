// Validates socnav's Open Referral HSDS 3.0 export (`/opendata/hsds/`) against HSDS's own
// schemas. Run by tests/hsds.rs as
//
//   node tests/opendata/validate-hsds.mjs <export dir> <HSDS 3.0 dir>
//
// where <HSDS 3.0 dir> holds HSDS's `schema/*.json`, `schema/compiled/*.json` and
// `datapackage.json`. Checks, reporting every failure (not only the first):
//
// - JSON: every object of services.json, organizations.json, taxonomies.json and
//   taxonomy_terms.json against HSDS's JSON Schemas (draft 2020-12, with ajv and
//   ajv-formats: uuid, uri, email, date, date-time), nested objects included; services
//   also against the compiled service_with_definitions.json; then against the profile's
//   schemas (HSDS's patched with the export's own profile/*.json by JSON Merge Patch,
//   RFC 7386), which also check the `socnav` objects; the Page wrapper and index.json
//   against HSDS's OpenAPI file.
// - Tabular data package: datapackage.json's HSDS resources equal HSDS's (path, fields in
//   order with type, format and constraints, primary key, foreign keys to the resources
//   present); every CSV's header is its resource's field list; every cell fits its field
//   (required, type, format, enum, unique); primary keys are unique and foreign keys
//   resolve; the profile's tables' rows, read back as objects, fit the profile's schemas.
// - The JSON and the tables hold the same services, organizations and documents.
//
// Prints a summary and exits 0, or lists the failures and exits 1.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(new URL("../browser/package.json", import.meta.url));
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const { fullFormats } = require("ajv-formats/dist/formats");

const [exportDir, hsdsDir] = process.argv.slice(2);
if (!exportDir || !hsdsDir) {
  console.error("usage: node tests/opendata/validate-hsds.mjs <export dir> <HSDS 3.0 dir>");
  process.exit(2);
}

const errors = [];
const MAX_PER_CHECK = 20;
const counts = {};
function fail(check, message) {
  counts[check] = (counts[check] || 0) + 1;
  if (counts[check] <= MAX_PER_CHECK) errors.push(`${check}: ${message}`);
}

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

// --- JSON Schemas ----------------------------------------------------------------------

// HSDS's schemas carry keywords of their own (for the tabular form and the docs): known
// to ajv as annotations, so that strict mode still catches anything else.
const HSDS_KEYWORDS = [
  "name",
  "path",
  "datapackage_metadata",
  "constraints",
  "core",
  "example",
  "tabular_required",
  "datapackage_type",
];

const schemaDir = join(hsdsDir, "schema");
const objectSchemas = Object.fromEntries(
  readdirSync(schemaDir)
    .filter((f) => f.endsWith(".json") && f !== "openapi.json")
    .map((f) => [f, readJson(join(schemaDir, f))]),
);
const openapi = readJson(join(schemaDir, "openapi.json"));

/** An ajv holding every HSDS object schema under its file name (their `$ref`s are file
 * names), with `patches` (file name -> merge patch) applied first. */
function makeAjv(patches = {}) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  ajv.addVocabulary(HSDS_KEYWORDS);
  for (const [file, schema] of Object.entries(objectSchemas)) {
    const patched = file in patches ? mergePatch(schema, patches[file]) : schema;
    ajv.addSchema(patched, file);
  }
  return ajv;
}

/** RFC 7386 JSON Merge Patch. */
function mergePatch(target, patch) {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const out =
    target && typeof target === "object" && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function describe(errs) {
  return (errs || [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`)
    .join("; ");
}

function check(validate, value, check, where) {
  if (!validate(value)) fail(check, `${where}: ${describe(validate.errors)}`);
}

const official = makeAjv();
const profileDir = join(exportDir, "profile");
const patches = Object.fromEntries(
  readdirSync(profileDir).map((f) => [f, readJson(join(profileDir, f))]),
);
for (const file of Object.keys(patches)) {
  if (!(file in objectSchemas)) fail("profile", `profile/${file} patches no HSDS schema`);
}
let profiled;
try {
  profiled = makeAjv(patches);
  for (const file of Object.keys(patches)) profiled.getSchema(file);
} catch (e) {
  fail("profile", `the patched schemas do not compile: ${e.message}`);
}
const compiled = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  ajv.addVocabulary(HSDS_KEYWORDS);
  return ajv.compile(readJson(join(schemaDir, "compiled", "service_with_definitions.json")));
})();

// HSDS's API: the Page wrapper of the lists, and the `/` answer.
const apiAjv = new Ajv2020({ allErrors: true, strict: false });
addFormats(apiAjv);
const pageSchema = openapi.components.schemas.Page;
const validatePage = apiAjv.compile({
  ...pageSchema,
  required: ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
  properties: { ...pageSchema.properties, contents: { type: "array" } },
});
const rootSchema = openapi.paths["/"].get.responses["200"].content["application/json"].schema;
check(
  apiAjv.compile({ ...rootSchema, required: ["version", "profile"] }),
  readJson(join(exportDir, "index.json")),
  "index.json",
  "index.json",
);

const json = {};
for (const [file, schema] of [
  ["services.json", "service.json"],
  ["organizations.json", "organization.json"],
  ["taxonomies.json", "taxonomy.json"],
  ["taxonomy_terms.json", "taxonomy_term.json"],
]) {
  const page = readJson(join(exportDir, file));
  check(validatePage, page, file, "the page");
  const contents = page.contents || [];
  if (page.total_items !== contents.length || page.size !== contents.length)
    fail(file, `total_items ${page.total_items}, size ${page.size}, contents ${contents.length}`);
  json[file] = contents;
  const strictOfficial = official.getSchema(schema);
  const withProfile = profiled && profiled.getSchema(schema);
  contents.forEach((item, i) => {
    const where = `${file} #${i} ${item.id}`;
    check(strictOfficial, item, `${file} (HSDS ${schema})`, where);
    if (file === "services.json") check(compiled, item, `${file} (HSDS compiled/service_with_definitions.json)`, where);
    if (withProfile) check(withProfile, item, `${file} (profile ${schema})`, where);
  });
}
for (const s of json["services.json"]) {
  if (!s.socnav) fail("services.json (profile)", `${s.id} has no socnav object`);
  for (const d of s.required_documents || [])
    if (!d.socnav) fail("services.json (profile)", `document ${d.id} has no socnav object`);
}
for (const o of json["organizations.json"])
  if (!o.socnav) fail("organizations.json (profile)", `${o.id} has no socnav object`);

// --- Tabular data package --------------------------------------------------------------

/** RFC 4180 with CRLF line ends; a bare CR or LF outside quotes is an error. */
function parseCsv(text, file) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) fail(file, "starts with a byte-order mark");
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      i++;
    } else if (c === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (c === "\r" || c === "\n" || c === '"') {
      fail(file, `line ${rows.length + 1}: ${JSON.stringify(c)} outside quotes`);
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) fail(file, "ends inside a quoted field");
  if (field !== "" || row.length > 0) fail(file, "the last line has no CRLF");
  return rows;
}

const formatCheck = (name) => {
  const f = fullFormats[name];
  return typeof f === "function" ? f : f instanceof RegExp ? (s) => f.test(s) : f.validate;
};
const FORMATS = { uuid: formatCheck("uuid"), email: formatCheck("email"), uri: formatCheck("uri") };
const isDate = formatCheck("date");
const isTime = formatCheck("time");
const isDateTime = formatCheck("date-time");

/** The cell's value as its field's type reads it; throws a message when it does not fit. */
function readCell(raw, field) {
  switch (field.type) {
    case "string":
      if (field.format && field.format !== "default") {
        const ok = FORMATS[field.format];
        if (!ok) throw `unknown format ${field.format}`;
        if (!ok(raw)) throw `not a ${field.format}: ${JSON.stringify(raw)}`;
      }
      return raw;
    case "number":
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw)) throw `not a number: ${raw}`;
      return Number(raw);
    case "integer":
      if (!/^[+-]?\d+$/.test(raw)) throw `not an integer: ${raw}`;
      return Number(raw);
    case "boolean":
      if (raw !== "true" && raw !== "false") throw `not a boolean: ${raw}`;
      return raw === "true";
    case "date":
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !isDate(raw)) throw `not a date: ${raw}`;
      return raw;
    case "datetime":
      if (!isDateTime(raw)) throw `not a datetime: ${raw}`;
      return raw;
    case "time":
      if (!isTime(raw) && !/^\d{2}:\d{2}:\d{2}$/.test(raw)) throw `not a time: ${raw}`;
      return raw;
    case "array": {
      let v;
      try {
        v = JSON.parse(raw);
      } catch {
        throw `not a JSON array: ${raw.slice(0, 60)}`;
      }
      if (!Array.isArray(v)) throw `not a JSON array: ${raw.slice(0, 60)}`;
      return v;
    }
    default:
      throw `unknown type ${field.type}`;
  }
}

const pkg = readJson(join(exportDir, "datapackage.json"));
const officialPkg = readJson(join(hsdsDir, "datapackage.json"));
if (pkg.profile !== "tabular-data-package") fail("datapackage.json", `profile is ${pkg.profile}`);
const officialResources = Object.fromEntries(officialPkg.resources.map((r) => [r.name, r]));
const names = new Set(pkg.resources.map((r) => r.name));
if (names.size !== pkg.resources.length) fail("datapackage.json", "a resource name repeats");
const csvFiles = readdirSync(exportDir).filter((f) => f.endsWith(".csv"));
for (const f of csvFiles)
  if (!pkg.resources.some((r) => r.path === f)) fail("datapackage.json", `${f} is not described`);

const fieldView = (f) =>
  JSON.stringify({
    name: f.name,
    type: f.type,
    format: f.format,
    required: !!f.constraints?.required,
    unique: !!f.constraints?.unique,
    enum: f.constraints?.enum,
  });
const fkView = (fks) =>
  JSON.stringify(
    (fks || []).map((k) => [k.fields, k.reference.resource, k.reference.fields]).sort(),
  );

/** socnav_* resource -> the profile's schema of the `socnav` object it holds. */
const extensionSchema = {
  socnav_service: patches["service.json"]?.properties?.socnav,
  socnav_organization: patches["organization.json"]?.properties?.socnav,
  socnav_required_document: patches["required_document.json"]?.properties?.socnav,
};
const extAjv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
addFormats(extAjv);
extAjv.addVocabulary(["name"]);

const tables = {};
for (const r of pkg.resources) {
  const where = `${r.path} (${r.name})`;
  const fields = r.schema?.fields || [];
  const base = officialResources[r.name];
  if (base) {
    if (r.path !== base.path) fail(where, `path differs from HSDS's ${base.path}`);
    const ours = fields.map(fieldView);
    const theirs = base.schema.fields.map(fieldView);
    if (JSON.stringify(ours) !== JSON.stringify(theirs))
      fail(where, `fields differ from HSDS's:\n  ours   ${ours.join(" ")}\n  theirs ${theirs.join(" ")}`);
    if (r.schema.primaryKey !== base.schema.primaryKey) fail(where, "primary key differs from HSDS's");
    const expected = (base.schema.foreignKeys || []).filter((k) => names.has(k.reference.resource));
    if (fkView(r.schema.foreignKeys) !== fkView(expected))
      fail(where, `foreign keys ${fkView(r.schema.foreignKeys)}, HSDS's ${fkView(expected)}`);
  } else if (!r.name.startsWith("socnav_")) {
    fail(where, "is neither an HSDS resource nor a profile one (socnav_*)");
  }
  const path = join(exportDir, r.path);
  if (!existsSync(path)) {
    fail(where, "file missing");
    continue;
  }
  const rows = parseCsv(readFileSync(path, "utf8"), r.path);
  const header = rows.shift() || [];
  if (JSON.stringify(header) !== JSON.stringify(fields.map((f) => f.name)))
    fail(where, `header ${header.join(",")} is not ${fields.map((f) => f.name).join(",")}`);
  const seen = fields.map(() => new Set());
  const records = [];
  const validateExt = extensionSchema[r.name] && extAjv.compile(extensionSchema[r.name]);
  rows.forEach((row, n) => {
    const line = `${r.path} line ${n + 2}`;
    if (row.length !== fields.length) {
      fail(where, `${line}: ${row.length} cells for ${fields.length} fields`);
      return;
    }
    const record = {};
    fields.forEach((field, i) => {
      const raw = row[i];
      if (raw === "") {
        if (field.constraints?.required) fail(where, `${line}: ${field.name} is required`);
        return;
      }
      let value;
      try {
        value = readCell(raw, field);
      } catch (message) {
        fail(where, `${line}: ${field.name} ${message}`);
        return;
      }
      const allowed = field.constraints?.enum;
      if (allowed && !allowed.includes(value)) fail(where, `${line}: ${field.name} ${raw} not in ${allowed}`);
      if (field.constraints?.unique) {
        if (seen[i].has(raw)) fail(where, `${line}: ${field.name} ${raw} repeats`);
        seen[i].add(raw);
      }
      record[field.name] = value;
    });
    records.push(record);
    if (validateExt) {
      const { [fields[0].name]: _key, ...ext } = record;
      check(validateExt, ext, `${where} (profile)`, line);
    }
  });
  const pk = r.schema?.primaryKey;
  const keys = new Set();
  for (const rec of records) {
    if (rec[pk] === undefined) fail(where, `a row has no ${pk}`);
    else if (keys.has(rec[pk])) fail(where, `primary key ${rec[pk]} repeats`);
    keys.add(rec[pk]);
  }
  tables[r.name] = { resource: r, records, keys };
}
for (const { resource, records } of Object.values(tables)) {
  for (const fk of resource.schema.foreignKeys || []) {
    const target = tables[fk.reference.resource];
    if (!target) {
      fail(resource.path, `foreign key ${fk.fields} names ${fk.reference.resource}, not in the package`);
      continue;
    }
    for (const rec of records) {
      const v = rec[fk.fields];
      if (v !== undefined && !target.keys.has(v))
        fail(resource.path, `${fk.fields} ${v} names no ${fk.reference.resource}`);
    }
  }
}

// --- The JSON and the tables agree ----------------------------------------------------
const sameIds = (what, fromJson, table) => {
  const a = [...fromJson].sort().join();
  const b = [...(tables[table]?.keys || [])].sort().join();
  if (a !== b) fail("JSON and tables", `${what}: the JSON and ${table} hold different ids`);
};
sameIds("services", json["services.json"].map((s) => s.id), "service");
sameIds("organizations", json["organizations.json"].map((o) => o.id), "organization");
sameIds("taxonomy terms", json["taxonomy_terms.json"].map((t) => t.id), "taxonomy_term");
sameIds(
  "required documents",
  json["services.json"].flatMap((s) => (s.required_documents || []).map((d) => d.id)),
  "required_document",
);

const summary = Object.entries(tables)
  .map(([name, t]) => `${name} ${t.records.length}`)
  .join(", ");
if (errors.length > 0) {
  console.log(`HSDS export: ${Object.values(counts).reduce((a, b) => a + b, 0)} failure(s)`);
  for (const e of errors) console.log(`  - ${e}`);
  for (const [c, n] of Object.entries(counts))
    if (n > MAX_PER_CHECK) console.log(`  (${c}: ${n - MAX_PER_CHECK} more)`);
  process.exit(1);
}
console.log(
  `HSDS export valid: ${json["services.json"].length} services, ${json["organizations.json"].length} organizations; rows: ${summary}`,
);
