package org.dysonsim.scenarios.report.rendering;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A chart's image as a PNG file: 8-bit RGB, every row with the "Sub" filter (each byte less the
 * same channel of the pixel to its left: a chart's long runs of one colour become runs of zeros)
 * and deflated at the fastest level. The JDK's writer tries every filter on every row and deflates
 * at the highest level, which made encoding about half of the time spent on a report's figures;
 * this writes files a little larger in a fraction of the time. Lossless: reading the file back
 * gives the image's pixels exactly (alpha is dropped; charts are opaque).
 */
final class PngImage {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int SUB_FILTER = 1;

    private PngImage() {}

    /** Writes {@code image} to {@code out} (not closed). */
    static void write(BufferedImage image, OutputStream out) throws IOException {
        int width = image.getWidth(), height = image.getHeight();
        DataOutputStream data = new DataOutputStream(out);
        data.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.writeByte(8); // bits per channel
        h.writeByte(2); // colour type: RGB
        h.writeByte(0); // deflate
        h.writeByte(0); // adaptive filtering, one filter byte a row
        h.writeByte(0); // not interlaced
        chunk(data, "IHDR", header.toByteArray(), header.size());

        ByteArrayOutputStream compressed = new ByteArrayOutputStream(width * height / 4 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            int[] pixels = new int[width];
            byte[] row = new byte[1 + 3 * width];
            row[0] = SUB_FILTER;
            for (int y = 0; y < height; y++) {
                rgbRow(image, y, pixels);
                int left = 0;
                for (int x = 0, k = 1; x < width; x++, k += 3) {
                    int p = pixels[x];
                    row[k] = (byte) ((p >>> 16) - (left >>> 16));
                    row[k + 1] = (byte) ((p >>> 8) - (left >>> 8));
                    row[k + 2] = (byte) (p - left);
                    left = p;
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        chunk(data, "IDAT", compressed.toByteArray(), compressed.size());
        chunk(data, "IEND", new byte[0], 0);
        data.flush();
    }

    /** Row {@code y} as 0xRRGGBB values: straight from the raster for the int-packed RGB types. */
    private static void rgbRow(BufferedImage image, int y, int[] pixels) {
        int type = image.getType();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && image.getRaster().getParent() == null && buffer.getOffset() == 0
                && image.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth()) {
            System.arraycopy(buffer.getData(), y * image.getWidth(), pixels, 0, image.getWidth());
        } else {
            image.getRGB(0, y, image.getWidth(), 1, pixels, 0, image.getWidth());
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] body, int length) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body, 0, length);
        out.writeInt(length);
        out.write(name);
        out.write(body, 0, length);
        out.writeInt((int) crc.getValue());
    }
}
