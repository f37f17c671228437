package org.dysonsim.physics.network;

import org.ejml.data.DMatrixRMaj;

/** The loss at the end of the network: softmax of the logits, cross-entropy with the labels, averaged over the batch. */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    /**
     * @param loss    mean over the batch of −log softmax(z)_label
     * @param correct how many rows have their label as the largest logit (ties: the lowest class)
     * @param error   ∂loss/∂z = (softmax(z) − onehot)/batch, batch × classes
     */
    public record Result(double loss, int correct, DMatrixRMaj error) {}

    public static Result of(DMatrixRMaj logits, int[] labels) {
        int batch = logits.numRows, classes = logits.numCols;
        DMatrixRMaj error = new DMatrixRMaj(batch, classes);
        double total = 0;
        int correct = 0;
        for (int r = 0; r < batch; r++) {
            int at = r * classes, best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double z = logits.data[at + c];
                if (z > max) {
                    max = z;
                    best = c;
                }
            }
            if (best == labels[r]) correct++;
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double e = Math.exp(logits.data[at + c] - max);
                error.data[at + c] = e;
                sum += e;
            }
            total += Math.log(sum) - (logits.data[at + labels[r]] - max);
            for (int c = 0; c < classes; c++) error.data[at + c] /= sum * batch;
            error.data[at + labels[r]] -= 1.0 / batch;
        }
        return new Result(total / batch, correct, error);
    }
}
