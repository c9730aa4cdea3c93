#!/usr/bin/env python3
"""Writes random.csv: random STARK configurations and the reference tool's estimates.
Usage: python3 gen_random.py SHARED/tools/stark-security > random.csv
(SHARED is the shared folder beside the repository, ../shared from its root)"""
import random, sys
sys.path.insert(0, sys.argv[1])
import stark_security as s

rnd = random.Random(20261124)
print("field_bits,ext,blowup,queries,grinding,trace_len,folding,remainder_degree,"
      "collision_resistance,num_constraints,num_committed_polys,constraint_batching,deep_batching,"
      "conjectured,ldr,udr,legacy_conjectured,legacy_proven")
for _ in range(600):
    p = s.Params(field_bits=rnd.choice([31, 61, 64, 64, 64, 128, 252]), ext=rnd.choice([1, 2, 3]),
                 blowup=1 << rnd.randint(1, 7), queries=rnd.randint(1, 255),
                 grinding=rnd.randint(0, 32), trace_len=1 << rnd.randint(3, 24),
                 folding=rnd.choice([2, 4, 8, 16]), remainder_degree=(1 << rnd.randint(0, 8)) - 1,
                 collision_resistance=rnd.choice([96, 124, 128, 128]),
                 num_constraints=rnd.randint(2, 300), num_committed_polys=rnd.randint(2, 40),
                 constraint_batching=rnd.choice(s.BATCHING), deep_batching=rnd.choice(s.BATCHING))
    e = s.estimate(p)
    l = s.estimate(p, s.MODEL_LEGACY)
    print(",".join(str(x) for x in (p.field_bits, p.ext, p.blowup, p.queries, p.grinding, p.trace_len,
                                    p.folding, p.remainder_degree, p.collision_resistance,
                                    p.num_constraints, p.num_committed_polys, p.constraint_batching,
                                    p.deep_batching, e["conjectured"], e["ldr"], e["udr"],
                                    l["conjectured"], l["proven"])))
