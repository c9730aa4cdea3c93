// Compiles Solidity sources with the pinned solc (the WebAssembly build: no download, offline).
// Usage: node compile.mjs OUT_DIR EVM_VERSION FILE.sol...
// Writes OUT_DIR/<Contract>.json = {"abi": [...], "bin": "<creation bytecode hex>"} for every
// contract of every file; exits 1 with the compiler's errors when any.
import fs from 'node:fs';
import path from 'node:path';
import solc from 'solc';

const [outDir, evmVersion, ...files] = process.argv.slice(2);
if (!outDir || !evmVersion || files.length === 0) {
  console.error('usage: node compile.mjs OUT_DIR EVM_VERSION FILE.sol...');
  process.exit(2);
}
const sources = {};
for (const f of files) {
  sources[path.basename(f)] = { content: fs.readFileSync(f, 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion,
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    fs.writeFileSync(path.join(outDir, name + '.json'),
      JSON.stringify({ abi: c.abi, bin: c.evm.bytecode.object, source: file }));
  }
}
console.log('solc ' + solc.version() + ': compiled ' + files.length + ' file(s) to ' + outDir);
