"""Known facts of the Fashion-MNIST IDX files, for IdxFileTest: counts, the first labels and pixel
sums, computed with NumPy from Debian's dataset-fashion-mnist, and the tiny fixture beside this
script (the first 5 training images and labels, plain and gzipped). Run: python3 facts.py"""
import gzip, numpy as np, os

ROOT = "/usr/share/datasets/fashion-mnist"

def read(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape), data

for part in ("train", "t10k"):
    images, _ = read(f"{ROOT}/{part}-images-idx3-ubyte.gz")
    labels, _ = read(f"{ROOT}/{part}-labels-idx1-ubyte.gz")
    print(part, "count", images.shape[0], labels.shape[0], "shape", images.shape[1:])
    print(part, "first labels", labels[:10].tolist())
    print(part, "pixel sum", int(images.astype(np.int64).sum()), "first image sum", int(images[0].astype(np.int64).sum()))

images, raw = read(f"{ROOT}/train-images-idx3-ubyte.gz")
labels, rawl = read(f"{ROOT}/train-labels-idx1-ubyte.gz")
head = bytearray(raw[:16]); head[4:8] = (5).to_bytes(4, "big")
headl = bytearray(rawl[:8]); headl[4:8] = (5).to_bytes(4, "big")
img5 = bytes(head) + images[:5].tobytes()
lab5 = bytes(headl) + labels[:5].tobytes()
open("five-images-idx3-ubyte", "wb").write(img5)
with gzip.GzipFile("five-labels-idx1-ubyte.gz", "wb", mtime=0) as f:
    f.write(lab5)
print("fixture pixel sums", [int(x) for x in images[:5].astype(np.int64).sum(axis=(1, 2))], "labels", labels[:5].tolist())
