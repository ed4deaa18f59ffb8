package dev.serverlab.benchmarks.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal grouped bar chart of a {@link Table}, as hand-written SVG:
 * a group of bars per row, one bar per column, a legend on top. Plain
 * shapes and text only, so GitHub renders it as an image.
 */
public final class SvgChart {

    private static final String[] COLOURS = {"#4C78A8", "#F58518", "#54A24B", "#B279A2", "#E45756", "#72B7B2"};
    private static final int WIDTH = 760;
    private static final int LABEL = 190;
    private static final int BAR = 14;
    private static final int GAP = 10;
    private static final int TOP = 56;

    private SvgChart() {
    }

    public static String render(Table table) {
        int columns = table.columns().size();
        int groupHeight = columns * BAR + GAP;
        int height = TOP + table.rows().size() * groupHeight + 10;
        double max = table.values().stream().flatMap(List::stream).filter(v -> !v.isNaN())
                .mapToDouble(Double::doubleValue).max().orElse(1);
        double scale = (WIDTH - LABEL - 90) / (max <= 0 ? 1 : max);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n",
                WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                escape(table.title())));
        int x = LABEL;
        for (int c = 0; c < columns; c++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"30\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"40\">%s</text>%n", x, COLOURS[c % COLOURS.length], x + 16,
                    escape(table.columns().get(c))));
            x += 24 + 7 * table.columns().get(c).length();
        }
        for (int r = 0; r < table.rows().size(); r++) {
            int y = TOP + r * groupHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL - 8, y + columns * BAR / 2 + 4, escape(table.rows().get(r))));
            for (int c = 0; c < columns; c++) {
                double v = table.values().get(r).get(c);
                if (Double.isNaN(v)) {
                    continue;
                }
                int w = (int) Math.max(1, Math.round(v * scale));
                int by = y + c * BAR;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n", LABEL, by, w, BAR - 2,
                        COLOURS[c % COLOURS.length], LABEL + w + 4, by + BAR - 4, escape(Table.format(v))));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
