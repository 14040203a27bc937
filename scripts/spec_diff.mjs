// Classify the changes between two OpenAPI documents (JSON files) with api-smart-diff and print
// them as one JSON array of {type, action, path, after, description}; scripts/spec_diff.py reads it.
import fs from "node:fs";
import { apiCompare } from "api-smart-diff";

const [basePath, headPath] = process.argv.slice(2);
const read = (path) => JSON.parse(fs.readFileSync(path, "utf8"));
const { diffs } = apiCompare(read(basePath), read(headPath));
const plain = diffs.map(({ type, action, path, after, description }) => ({
  type,
  action,
  path,
  after: after ?? null,
  description: description ?? "",
}));
process.stdout.write(JSON.stringify(plain));
