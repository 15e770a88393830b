# numpy on the same shape as benchmark-scan: least-confident top-100 of a binary logistic model.
import sys, time, numpy as np
n, d, runs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(1)
X = rng.random((n, d))
w = rng.standard_normal(d) * 4 / np.sqrt(d); b = -0.5 * w.sum()
def scan(k=100):
    z = X @ w + b
    p = 1.0 / (1.0 + np.exp(-z))
    s = 1.0 - np.maximum(p, 1.0 - p)
    idx = np.argpartition(-s, k)[:k]
    return idx[np.lexsort((idx, -s[idx]))]
for _ in range(2): scan()
t = []
for _ in range(runs):
    t0 = time.perf_counter(); scan(); t.append((time.perf_counter() - t0) * 1000)
print(f"numpy {np.__version__}: pool={n} features={d} median_ms={np.median(t):.1f} per_cell_ns={np.median(t)*1e6/n:.2f} runs={[round(x,1) for x in t]}")
