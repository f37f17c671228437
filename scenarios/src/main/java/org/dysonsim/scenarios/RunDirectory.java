package org.dysonsim.scenarios;

import java.nio.file.Path;
import org.dysonsim.persistence.DataDirectory;

/**
 * The files of one run's directory ({@code <data-dir>/<run-id>/}) and of a study's: the resolved
 * scenario written before the first step, the report with its plots, and a sweep's study. Every
 * name a run directory holds is written here, not by the code that writes the file.
 */
public record RunDirectory(Path path) {
    /** The resolved scenario, written before the run's first step. */
    public static final String SCENARIO = DataDirectory.SCENARIO;
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_HTML = "report.html";
    /** A sweep's scaling study, in the study's directory. */
    public static final String STUDY_JSON = "study.json";
    /** The particle-level companion of an RBM matrix run, as a scenario {@code dyson run} accepts. */
    public static final String PARTICLE_COMPANION = "particle-companion.conf";

    public Path scenario() {
        return path.resolve(SCENARIO);
    }

    public Path reportJson() {
        return path.resolve(REPORT_JSON);
    }

    public Path reportHtml() {
        return path.resolve(REPORT_HTML);
    }

    public Path studyJson() {
        return path.resolve(STUDY_JSON);
    }

    public Path particleCompanion() {
        return path.resolve(PARTICLE_COMPANION);
    }

    /** A plot's bitmap, {@code <name>.png}. */
    public static String png(String plot) {
        return plot + ".png";
    }

    /** A plot's vector drawing, {@code <name>.svg}. */
    public static String svg(String plot) {
        return plot + ".svg";
    }

    public Path plotPng(String plot) {
        return path.resolve(png(plot));
    }

    public Path plotSvg(String plot) {
        return path.resolve(svg(plot));
    }
}
