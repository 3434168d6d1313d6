package dev.m6rec.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A small line chart rendered to PNG with the JDK alone (headless AWT), so reports open offline
 * and CI needs no plotting library. NaN points are gaps.
 */
public final class LineChart {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};
    static {
        // Charts are drawn off-screen; no display is needed (CI, servers).
        System.setProperty("java.awt.headless", "true");
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart series(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        names.add(name);
        xs.add(x.clone());
        ys.add(y.clone());
        return this;
    }

    public byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int left = 70;
        int right = width - 20;
        int top = 40;
        int bottom = height - 50;
        double[] range = range();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawRect(left, top, right - left, bottom - top);
        for (int t = 0; t <= 4; t++) {
            double v = range[2] + (range[3] - range[2]) * t / 4;
            int y = (int) (bottom - (bottom - top) * t / 4.0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(left + 1, y, right - 1, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.3g", v), 8, y + 4);
            double xv = range[0] + (range[1] - range[0]) * t / 4;
            int x = (int) (left + (right - left) * t / 4.0);
            g.drawString(String.format("%.3g", xv), x - 10, bottom + 16);
        }
        g.drawString(xLabel, (left + right) / 2 - 20, height - 12);
        g.drawString(yLabel, 8, top - 8);
        g.setStroke(new BasicStroke(2f));
        for (int s = 0; s < names.size(); s++) {
            g.setColor(PALETTE[s % PALETTE.length]);
            double[] x = xs.get(s);
            double[] y = ys.get(s);
            int px = -1;
            int py = -1;
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(y[i])) {
                    px = -1;
                    continue;
                }
                int cx = (int) (left + (right - left) * (x[i] - range[0]) / (range[1] - range[0]));
                int cy = (int) (bottom - (bottom - top) * (y[i] - range[2]) / (range[3] - range[2]));
                if (px >= 0) {
                    g.drawLine(px, py, cx, cy);
                }
                g.fillOval(cx - 3, cy - 3, 6, 6);
                px = cx;
                py = cy;
            }
            g.drawString(names.get(s), right - 150, top + 16 + 14 * s);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** [xmin, xmax, ymin, ymax] over finite points, widened when flat. */
    private double[] range() {
        double[] r = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int s = 0; s < xs.size(); s++) {
            for (int i = 0; i < xs.get(s).length; i++) {
                double y = ys.get(s)[i];
                if (Double.isNaN(y)) {
                    continue;
                }
                r[0] = Math.min(r[0], xs.get(s)[i]);
                r[1] = Math.max(r[1], xs.get(s)[i]);
                r[2] = Math.min(r[2], y);
                r[3] = Math.max(r[3], y);
            }
        }
        if (r[0] > r[1]) {
            return new double[] {0, 1, 0, 1};
        }
        if (r[1] - r[0] == 0) {
            r[0] -= 1;
            r[1] += 1;
        }
        double pad = (r[3] - r[2]) * 0.05;
        if (pad == 0) {
            pad = Math.max(Math.abs(r[2]) * 0.05, 0.01);
        }
        r[2] -= pad;
        r[3] += pad;
        return r;
    }
}
