package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class PngImageTest {

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static BufferedImage roundTrip(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngImage.write(image, out);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(image.getWidth(), read.getWidth());
        assertEquals(image.getHeight(), read.getHeight());
        return read;
    }

    @Test
    void aChartReadsBackPixelForPixel() throws IOException {
        XYChart chart = new XYChartBuilder().width(640).height(400).title("density at t = 0.5").xAxisTitle("λ").build();
        double[] x = new double[200], y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.01;
            y[i] = Math.sin(x[i] * 7) + CounterRng.gaussian(1, 0, i, 0, 0) * 0.1;
        }
        chart.addSeries("simulation", x, y);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        assertArrayEquals(pixels(image), pixels(roundTrip(image)));
    }

    @Test
    void everyChannelValueAndOtherImageTypesReadBackExactly() throws IOException {
        // every byte of every channel, with differences to the left that wrap around
        BufferedImage rgb = new BufferedImage(256, 3, BufferedImage.TYPE_INT_RGB);
        BufferedImage bytes = new BufferedImage(256, 3, BufferedImage.TYPE_3BYTE_BGR);
        for (int x = 0; x < 256; x++) {
            int v = (x * 37) & 0xff;
            rgb.setRGB(x, 0, v << 16 | (255 - v) << 8 | x);
            rgb.setRGB(x, 1, x << 16 | v << 8 | (255 - x));
            rgb.setRGB(x, 2, (255 - v) << 16 | x << 8 | v);
            for (int y = 0; y < 3; y++) bytes.setRGB(x, y, rgb.getRGB(x, y));
        }
        assertArrayEquals(pixels(rgb), pixels(roundTrip(rgb)));
        assertArrayEquals(pixels(bytes), pixels(roundTrip(bytes)));
        // a view into a larger image: its rows are not the buffer's rows
        BufferedImage view = rgb.getSubimage(10, 1, 100, 2);
        assertArrayEquals(pixels(view), pixels(roundTrip(view)));
    }
}
