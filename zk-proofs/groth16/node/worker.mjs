// Long-lived zokrates-js worker for the Java client io.pqzk.zk.zokrates.ZoKrates.
// Protocol: one JSON request per line on stdin, one JSON response per line on stdout.
//   request:  {"id": n, "op": "...", "options": {"curve","scheme","backend"}, ...arguments}
//   response: {"id": n, "ok": true, "result": {...}}
//          or {"id": n, "ok": false, "error": {"kind": "compile"|"witness"|"zokrates"|"request", "message": "..."}}
// Binary artifacts (program, witness, proving key) travel as base64. Nothing else is written to
// stdout; diagnostics go to stderr.
// A program and its proving key can be loaded once ("load", under a key the client chooses: the
// SHA-256 of both) and then named by "handle" in computeWitness, generateProof and "prove"
// (witness and proof in one call, the witness never leaving the worker): the 8 MB program and
// 3 MB key then cross the pipe once, not for every proof. At most MAX_LOADED are kept (oldest
// dropped); an unknown handle is an error of kind "handle", after which the client loads again.
import { initialize, metadata } from "zokrates-js";
import { createInterface } from "node:readline";

const provider = await initialize();
const MAX_LOADED = 4;
const loaded = new Map();
const b64 = (u8) => Buffer.from(u8).toString("base64");
const bytes = (s) => new Uint8Array(Buffer.from(s, "base64"));

function zok(options) {
  const o = options ?? {};
  return provider.withOptions({
    backend: o.backend ?? "ark",
    curve: o.curve ?? "bn128",
    scheme: o.scheme ?? "g16",
  });
}

class HandleError extends Error {}
class WitnessError extends Error {}

function handle(r) {
  const h = loaded.get(r.handle);
  if (!h) throw new HandleError(`unknown handle "${r.handle}" (not loaded, or dropped)`);
  return h;
}

const programOf = (r) => (r.handle ? handle(r).program : bytes(r.program));
const pkOf = (r) => (r.handle ? handle(r).pk : bytes(r.pk));

const ops = {
  load: (r) => {
    if (!loaded.has(r.key)) {
      if (loaded.size >= MAX_LOADED) loaded.delete(loaded.keys().next().value);
      loaded.set(r.key, { program: bytes(r.program), pk: r.pk ? bytes(r.pk) : null });
    }
    return { handle: r.key, loaded: loaded.size };
  },
  prove: (r) => {
    const h = handle(r);
    let w;
    try {
      w = zok(r.options).computeWitness(h.program, r.args, {});
    } catch (e) {
      throw new WitnessError(typeof e === "string" ? e : e && e.message ? e.message : String(e));
    }
    return zok(r.options).generateProof(h.program, w.witness, h.pk);
  },
  ping: () => ({ zokratesJs: "1.1.9", zokrates: metadata.version }),
  compile: (r) => {
    const a = zok(r.options).compile(r.source, { location: r.location ?? "main.zok" });
    return { program: b64(a.program), abi: a.abi, constraintCount: a.constraintCount ?? null };
  },
  computeWitness: (r) => {
    const w = zok(r.options).computeWitness(programOf(r), r.args, {});
    return { witness: b64(w.witness), output: w.output };
  },
  setup: (r) => {
    const k = zok(r.options).setup(bytes(r.program));
    return { vk: k.vk, pk: b64(k.pk) };
  },
  generateProof: (r) => zok(r.options).generateProof(programOf(r), bytes(r.witness), pkOf(r)),
  verify: (r) => ({ valid: zok(r.options).verify(r.vk, r.proof) }),
  exportSolidityVerifier: (r) => ({ source: zok(r.options).exportSolidityVerifier(r.vk) }),
  exit: () => {
    setImmediate(() => process.exit(0));
    return {};
  },
  crash: () => process.exit(3), // lets tests check that the Java side restarts a dead worker
};

const kindOf = (op, e) =>
  e instanceof HandleError ? "handle"
    : e instanceof WitnessError ? "witness"
    : op === "compile" ? "compile" : op === "computeWitness" ? "witness" : "zokrates";

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let req;
  try {
    req = JSON.parse(line);
  } catch (e) {
    process.stdout.write(JSON.stringify({ id: null, ok: false, error: { kind: "request", message: "bad JSON: " + e.message } }) + "\n");
    continue;
  }
  const fn = ops[req.op];
  let resp;
  if (!fn) {
    resp = { id: req.id, ok: false, error: { kind: "request", message: `unknown op "${req.op}"` } };
  } else {
    try {
      resp = { id: req.id, ok: true, result: fn(req) };
    } catch (e) {
      const message = typeof e === "string" ? e : e && e.message ? e.message : String(e);
      resp = { id: req.id, ok: false, error: { kind: kindOf(req.op, e), message } };
    }
  }
  process.stdout.write(JSON.stringify(resp) + "\n");
}
