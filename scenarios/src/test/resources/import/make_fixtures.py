#!/usr/bin/env python3
"""Writes the fixtures of dyson import's tests (ImportFixturesTest, ImportRefusalsTest) with NumPy.

Run from this directory: python3 make_fixtures.py (with h5py installed, e.g. Debian's python3-h5py
under /usr/bin/python3, it also writes the HDF5 fixture; python3 make_fixtures.py hdf5 writes only that,
python3 make_fixtures.py schedule only the fixtures with a learning-rate and batch-size schedule). Every good fixture gets NumPy's answer beside
it, <fixture>.eig.txt: one line per member and record (member-major), the eigenvalues of WᵀW of
every weight matrix in float64 (np.linalg.eigvalsh, ascending), layer after layer, printed with
17 significant digits; and for fixtures with gradients <fixture>.proj.txt: per record, layer
after layer, the top min(4, cols) singular values σ_j and u_jᵀ G v_j (np.linalg.svd).
The seed is fixed, so running it again gives the same files.
"""
import os
import shutil
import sys
import numpy as np

rng = np.random.default_rng(20261206)
TOP_K = 4


def eig(w):
    w = np.asarray(w, dtype=np.float64)
    return np.linalg.eigvalsh(w.T @ w)


def write_answer(path, records):
    """records: list (member-major) of lists of per-layer matrices."""
    with open(path + ".eig.txt", "w") as f:
        for layers in records:
            f.write(" ".join("%.17g" % v for w in layers for v in eig(w)) + "\n")


def write_projections(path, records, grads):
    with open(path + ".proj.txt", "w") as f:
        for layers, gl in zip(records, grads):
            out = []
            for w, g in zip(layers, gl):
                w = np.asarray(w, dtype=np.float64)
                g = np.asarray(g, dtype=np.float64)
                u, s, vt = np.linalg.svd(w, full_matrices=False)
                for j in range(min(TOP_K, w.shape[1])):
                    out.append((s[j], u[:, j] @ g @ vt[j, :]))
            f.write(" ".join("%.17g %.17g" % p for p in out) + "\n")


def normal(*shape):
    return rng.normal(0.0, 0.3, size=shape)


def records_npz():
    fc1 = normal(3, 6, 4)
    fc2 = normal(3, 5, 3).astype(np.float32)
    g1, g2 = normal(3, 6, 4), normal(3, 5, 3).astype(np.float32)
    np.savez_compressed("records.npz", fc1=fc1, fc2=fc2, step=np.array([0, 10, 20], dtype=np.int64),
                        loss=np.array([2.3, 1.9, 1.5]), lr=np.float64(0.01), batch_size=np.array([32, 32, 32]),
                        grad_fc1=g1, grad_fc2=g2)
    records = [[fc1[r], fc2[r]] for r in range(3)]
    write_answer("records.npz", records)
    write_projections("records.npz", records, [[g1[r], g2[r]] for r in range(3)])


def stored_big_endian_fortran():
    a = normal(2, 4, 3).astype(">f8")
    b = np.asfortranarray(normal(2, 5, 2).astype(">f4"))
    assert b.flags.f_contiguous and not b.flags.c_contiguous
    np.savez("stored-bigendian.npz", a=a, b=b)
    write_answer("stored-bigendian.npz", [[a[r], b[r]] for r in range(2)])


def single_npy():
    for name, version, dtype, fortran in [("v1-c.npy", (1, 0), "<f8", False), ("v2-fortran.npy", (2, 0), ">f4", True),
                                          ("v3-c.npy", (3, 0), "<f4", False)]:
        w = normal(3, 5, 4).astype(dtype)
        if fortran:
            w = np.asfortranarray(w)
        with open(name, "wb") as f:
            np.lib.format.write_array(f, w, version=version)
        write_answer(name, [[w[r]] for r in range(3)])
    m = np.asfortranarray(normal(6, 3))  # one matrix, column-major
    np.save("one-matrix-fortran.npy", m)
    write_answer("one-matrix-fortran.npy", [[m]])


def checkpoint_dirs():
    shutil.rmtree("checkpoints", ignore_errors=True)
    os.makedirs("checkpoints")
    records = []
    for step in (0, 50, 100):
        fc1, fc2 = normal(5, 4), normal(4, 2).astype(np.float32)
        np.save("checkpoints/fc1_%d.npy" % step, fc1)
        np.save("checkpoints/fc2_%d.npy" % step, fc2)
        records.append([fc1, fc2])
    write_answer("checkpoints", records)
    shutil.rmtree("npz-checkpoints", ignore_errors=True)
    os.makedirs("npz-checkpoints")
    records = []
    for step in (0, 200, 1000):
        w = normal(4, 4)
        np.savez("npz-checkpoints/ckpt_%d.npz" % step, layer=w, loss=np.float64(1.0 / (1 + step)))
        records.append([w])
    write_answer("npz-checkpoints", records)


def aarts_park_lucini():
    w = normal(2, 3, 6, 4)
    g = normal(2, 3, 6, 4)
    np.savez("apl.npz", W=w, grad=g, loss=normal(2, 3) ** 2)
    write_answer("apl.npz", [[w[s, t]] for s in range(2) for t in range(3)])
    write_projections("apl.npz", [[w[s, t]] for s in range(2) for t in range(3)], [[g[s, t]] for s in range(2) for t in range(3)])


def bad_files():
    # everything but the HDF5 ones, which only hdf5_fixture() (with h5py) writes again
    os.makedirs("bad", exist_ok=True)
    for name in os.listdir("bad"):
        if not name.endswith(".h5"):
            path = os.path.join("bad", name)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    np.save("bad/pickled.npy", np.array([np.zeros((2, 2)), np.zeros((3, 3))], dtype=object), allow_pickle=True)
    np.savez("bad/pickled-member.npz", fc1=np.array([{"w": 1}], dtype=object))
    np.savez("bad/ragged.npz", fc1=normal(3, 4, 2), fc2=normal(2, 3, 2))
    nan = normal(3, 4, 2)
    nan[1, 2, 0] = np.nan
    np.savez("bad/nan.npz", fc1=nan)
    inf = normal(2, 3, 3)
    inf[0, 0, 1] = np.inf
    np.save("bad/inf.npy", inf)
    np.savez("bad/empty.npz", fc1=np.zeros((2, 0, 3)))
    np.savez("bad/int-weights.npz", fc1=np.ones((2, 3, 3), dtype=np.int64))
    np.savez("bad/grad-shape.npz", fc1=normal(2, 3, 3), grad_fc1=normal(2, 3, 2))
    np.savez("bad/step-length.npz", fc1=normal(2, 3, 3), step=np.array([0, 1, 2]))
    whole = open("records.npz", "rb").read()
    open("bad/truncated.npz", "wb").write(whole[: len(whole) // 2])
    data = open("v1-c.npy", "rb").read()
    open("bad/truncated.npy", "wb").write(data[: len(data) - 20])
    open("bad/not-zip.npz", "w").write("these are not the weights you are looking for\n")
    os.makedirs("bad/ragged-dir")
    np.save("bad/ragged-dir/fc1_0.npy", normal(4, 3))
    np.save("bad/ragged-dir/fc1_10.npy", normal(5, 3))


def hdf5_fixture():
    """The LossGeometry layout: /layers/<name>/singular_values/batch_<i>, /batch_numbers, /loss_values."""
    import h5py
    shapes = {"layers.0.weight": (6, 4), "layers.1.weight": (3, 6)}  # PyTorch's (out, in)
    ws = {name: [normal(*shape) for _ in range(3)] for name, shape in shapes.items()}
    with h5py.File("lossgeometry.h5", "w") as f:
        f.create_dataset("batch_numbers", data=np.array([0, 200, 400]))
        f.create_dataset("loss_values", data=np.array([2.3, 0.9, 0.4]))
        layers = f.create_group("layers")
        for name, shape in shapes.items():
            g = layers.create_group(name)
            g.attrs["shape"] = str(shape)
            sv = g.create_group("singular_values")
            for i, w in enumerate(ws[name]):
                sv.create_dataset("batch_%d" % i, data=np.linalg.svd(w, compute_uv=False))
    # the answer: the nonzero eigenvalues of WᵀW, i.e. the top min(out, in) of eigvalsh(WᵀW)
    records = []
    for i in range(3):
        row = []
        for name, shape in shapes.items():
            k = min(shape)
            row.extend(eig(ws[name][i])[-k:])
        records.append(row)
    with open("lossgeometry.h5.eig.txt", "w") as f:
        for row in records:
            f.write(" ".join("%.17g" % v for v in row) + "\n")
    with h5py.File("bad/ragged.h5", "w") as f:
        g = f.create_group("layers").create_group("fc")
        g.attrs["shape"] = "(5, 4)"
        g.create_group("singular_values").create_dataset("batch_0", data=np.ones(3))
    whole = open("lossgeometry.h5", "rb").read()
    open("bad/truncated.h5", "wb").write(whole[:200])


def write_schedule(path, lr, batch):
    """The answer of a fixture with a schedule, <fixture>.schedule.txt: the line `lr` and the line
    `batch_size`, each value as float64 with 17 significant digits."""
    with open(path + ".schedule.txt", "w") as f:
        f.write("lr " + " ".join("%.17g" % v for v in np.asarray(lr, dtype=np.float64)) + "\n")
        f.write("batch_size " + " ".join("%.17g" % v for v in np.asarray(batch, dtype=np.float64)) + "\n")


def schedule_fixtures():
    """A learning rate and batch size per record, as a schedule gives them: in one npz (float32 and
    int32 arrays) and in a directory of npz checkpoints (one float64 and one int64 scalar each).
    Their own generator, so they can be written alone (make_fixtures.py schedule)."""
    own = np.random.default_rng(20261207)
    fc1 = own.normal(0.0, 0.3, size=(4, 5, 3))
    lr = (0.1 * np.cos(np.linspace(0.0, np.pi / 2, 4)) + 1e-4).astype(np.float32)
    batch = np.array([16, 32, 64, 64], dtype=np.int32)
    np.savez("schedule.npz", fc1=fc1, step=np.array([0, 100, 200, 300]), lr=lr, batch_size=batch)
    write_answer("schedule.npz", [[fc1[r]] for r in range(4)])
    write_schedule("schedule.npz", lr, batch)
    shutil.rmtree("schedule-checkpoints", ignore_errors=True)
    os.makedirs("schedule-checkpoints")
    records, lrs, batches = [], [], []
    for step, rate, size in ((0, 0.3, 8), (50, 0.03, 8), (100, 0.003, 128)):
        w = own.normal(0.0, 0.3, size=(4, 3))
        np.savez("schedule-checkpoints/ckpt_%d.npz" % step, layer=w, loss=np.float64(1.0 / (1 + step)),
                 lr=np.float64(rate), batch_size=np.int64(size))
        records.append([w])
        lrs.append(rate)
        batches.append(size)
    write_answer("schedule-checkpoints", records)
    write_schedule("schedule-checkpoints", lrs, batches)
    # refused: a batch size that is not whole, a learning rate that is not positive, a scalar saved at some steps only
    np.savez("bad/batch-fraction.npz", fc1=own.normal(0.0, 0.3, size=(2, 3, 3)), batch_size=np.array([32.0, 16.5]))
    np.savez("bad/lr-zero.npz", fc1=own.normal(0.0, 0.3, size=(2, 3, 3)), lr=np.float64(0.0))
    shutil.rmtree("bad/lr-ragged-dir", ignore_errors=True)
    os.makedirs("bad/lr-ragged-dir")
    np.savez("bad/lr-ragged-dir/ckpt_0.npz", layer=own.normal(0.0, 0.3, size=(3, 2)), lr=np.float64(0.1))
    np.savez("bad/lr-ragged-dir/ckpt_10.npz", layer=own.normal(0.0, 0.3, size=(3, 2)))


if __name__ == "__main__" and sys.argv[1:] == ["hdf5"]:
    hdf5_fixture()
elif __name__ == "__main__" and sys.argv[1:] == ["schedule"]:
    schedule_fixtures()
elif __name__ == "__main__":
    records_npz()
    stored_big_endian_fortran()
    single_npy()
    checkpoint_dirs()
    aarts_park_lucini()
    bad_files()
    schedule_fixtures()
    try:
        hdf5_fixture()
    except ImportError:
        print("h5py is missing: the HDF5 fixtures were left as they are")
