# One explicit Euler step of the benchmark gas in NumPy, every pair summed (O(N^2)): the step of
# Biroli-Majumdar-Schehr's released Dyson Brownian motion runs, timed for `dyson bench --sums`.
# The gas is BenchSystems' harmonic well: dx_i = [-x_i + g2 sum_{j!=i} 1/(x_i - x_j)] dt
# + sqrt(2 g2) dW_i with g2 = 1/N, started evenly on [-1, 1], dt = 0.1 (2/N)^2 N.
# Usage: python3 numpy_euler.py N STEPS; prints the median milliseconds per step of five blocks
# of STEPS steps. Exits 3 when NumPy is not installed.
import sys
import time

try:
    import numpy as np
except ImportError:
    print("numpy missing")
    sys.exit(3)

n, steps = int(sys.argv[1]), int(sys.argv[2])
g2 = 1.0 / n
dt = 0.1 * (2.0 / n) ** 2 * n
x = -1.0 + 2.0 * (np.arange(n) + 0.5) / n
rng = np.random.default_rng(2026)


def step(x):
    d = x[:, None] - x[None, :]
    np.fill_diagonal(d, np.inf)
    coulomb = (1.0 / d).sum(axis=1)
    return x + dt * (-x + g2 * coulomb) + np.sqrt(2.0 * g2 * dt) * rng.standard_normal(n)


for _ in range(steps):
    x = step(x)
blocks = []
for _ in range(5):
    start = time.perf_counter()
    for _ in range(steps):
        x = step(x)
    blocks.append((time.perf_counter() - start) * 1000.0 / steps)
blocks.sort()
print("%.6f" % blocks[2])
