// The live page of one run: subscribes to /runs/ID/events?member=M&layer=L (Server-Sent Events) and
// redraws with uPlot the member's spectrum (a layer's, for a network) as a histogram with the law
// the report compares it with over it, its KS distance to each such law against time, a network's
// losses and test accuracy against step, the chosen layer's power-law exponent α and spike count
// against step, its random distance (from its entries permuted) against step, and its spectrum's mean and
// variance against time.
(function () {
  "use strict";
  const params = new URLSearchParams(location.search);
  const member = params.get("member") || "0";
  const layer = params.get("layer") || "0";
  // ?frames=N: stop following after N updates, or once the run has ended (a still page: for
  // printing, or a headless browser, whose virtual clock waits for open connections)
  const frames = parseInt(params.get("frames") || "0", 10);
  const runPath = location.pathname.replace(/\/live$/, "/");
  const runId = decodeURIComponent(runPath.split("/").filter(Boolean)[1] || "");
  const state = document.getElementById("state");
  const progress = document.getElementById("progress");
  document.getElementById("title").textContent = "run " + runId + ", member " + member;
  document.getElementById("member").value = member;
  document.getElementById("show").onclick = function () {
    const chosenLayer = document.getElementById("layer").value || "0";
    location.search = "?member=" + encodeURIComponent(document.getElementById("member").value)
      + "&layer=" + encodeURIComponent(chosenLayer);
  };

  let spectrumPlot = null;
  let momentsPlot = null;
  let metricsPlot = null;
  let distancePlot = null;
  let layerMetricsPlot = null;
  let randomDistancePlot = null;
  let distanceNames = "";
  let spectrumCurve = "";
  let events = 0;
  const width = Math.min(900, (document.body.clientWidth || 900) - 20);

  function spectrumChart(view) {
    const series = [{ label: "x" },
      { label: "histogram", stroke: "#3465a4", fill: "rgba(52,101,164,0.25)", paths: uPlot.paths.stepped({ align: 1 }) }];
    if (view.spectrum.law) series.push({ label: view.lawName, stroke: "#cc0000", width: 2 });
    return new uPlot({ width: width, height: 320, series: series, scales: { x: { time: false } } },
      spectrumData(view), document.getElementById("spectrum"));
  }

  function spectrumData(view) {
    const data = [view.spectrum.x, view.spectrum.histogram];
    if (view.spectrum.law) data.push(view.spectrum.law);
    return data;
  }

  function momentsChart(view) {
    return new uPlot({ width: width, height: 260, scales: { x: { time: false } },
      series: [{ label: "t" }, { label: "mean", stroke: "#4e9a06" }, { label: "variance", stroke: "#ce5c00", scale: "var" }],
      axes: [{}, { label: "mean" }, { side: 1, scale: "var", label: "variance", grid: { show: false } }] },
      momentsData(view), document.getElementById("moments"));
  }

  function momentsData(view) {
    return [view.moments.t, view.moments.mean, view.moments.variance];
  }

  function layerChoice(view) {
    if (!view.layers || document.getElementById("layer").options.length > 0) return;
    const select = document.getElementById("layer");
    view.layers.forEach(function (name, i) {
      const option = document.createElement("option");
      option.value = String(i);
      option.textContent = name;
      option.selected = String(i) === layer;
      select.appendChild(option);
    });
    document.getElementById("layer-choice").hidden = false;
    document.getElementById("spectrum-title").textContent = "Spectrum of layer " + view.layers[view.layer]
      + " of the member (nonzero eigenvalues of WᵀW)";
  }

  // one distance and one threshold series per law; the laws' times differ, so their tables are joined
  function distanceData(view) {
    return uPlot.join(view.distances.map(function (d) { return [d.t, d.distance, d.threshold]; }));
  }

  const COLOURS = ["#3465a4", "#cc0000", "#4e9a06", "#75507b", "#ce5c00", "#c4a000"];

  function distanceChart(view) {
    const series = [{ label: "t" }];
    view.distances.forEach(function (d, i) {
      const colour = COLOURS[i % COLOURS.length];
      series.push({ label: d.name, stroke: colour, width: 2, points: { show: true } });
      series.push({ label: "threshold", stroke: colour, dash: [6, 4] });
    });
    return new uPlot({ width: width, height: 260, scales: { x: { time: false } }, series: series,
      axes: [{}, { label: "KS distance" }] }, distanceData(view), document.getElementById("distance"));
  }

  function metricsData(view) {
    return [view.metrics.step, view.metrics.trainLoss, view.metrics.testLoss, view.metrics.testAccuracy];
  }

  function metricsChart(view) {
    return new uPlot({ width: width, height: 260, scales: { x: { time: false } },
      series: [{ label: "step" }, { label: "train loss", stroke: "#3465a4" }, { label: "test loss", stroke: "#cc0000" },
        { label: "test accuracy", stroke: "#4e9a06", scale: "acc" }],
      axes: [{}, { label: "loss" }, { side: 1, scale: "acc", label: "test accuracy", grid: { show: false } }] },
      metricsData(view), document.getElementById("metrics"));
  }

  function layerMetricsData(view) {
    return [view.layerMetrics.step, view.layerMetrics.alpha, view.layerMetrics.numSpikes];
  }

  function layerMetricsChart(view) {
    return new uPlot({ width: width, height: 260, scales: { x: { time: false } },
      series: [{ label: "step" }, { label: "α", stroke: "#75507b", width: 2, points: { show: true } },
        { label: "spikes", stroke: "#c4a000", scale: "spikes", paths: uPlot.paths.stepped({ align: 1 }) }],
      axes: [{}, { label: "α" }, { side: 1, scale: "spikes", label: "spikes", grid: { show: false } }] },
      layerMetricsData(view), document.getElementById("layer-metrics"));
  }

  function drawLayerMetrics(view) {
    if (view.layerMetrics.step.length === 0) return;
    document.getElementById("layer-metrics-section").hidden = false;
    if (layerMetricsPlot === null) layerMetricsPlot = layerMetricsChart(view); else layerMetricsPlot.setData(layerMetricsData(view));
  }

  function randomDistanceData(view) {
    return [view.randomDistance.step, view.randomDistance.ks, view.randomDistance.w1];
  }

  function randomDistanceChart(view) {
    return new uPlot({ width: width, height: 260, scales: { x: { time: false } },
      series: [{ label: "step" }, { label: "KS", stroke: "#3465a4", width: 2, points: { show: true } },
        { label: "W₁/mean", stroke: "#cc0000", width: 2, points: { show: true } }],
      axes: [{}, { label: "distance" }] }, randomDistanceData(view), document.getElementById("random-distance"));
  }

  function drawRandomDistance(view) {
    if (!view.randomDistance || view.randomDistance.step.length === 0) return;
    document.getElementById("random-distance-section").hidden = false;
    if (randomDistancePlot === null) randomDistancePlot = randomDistanceChart(view);
    else randomDistancePlot.setData(randomDistanceData(view));
  }

  function drawDistances(view) {
    if (view.distances.length === 0) return;
    document.getElementById("distance-section").hidden = false;
    const names = view.distances.map(function (d) { return d.name; }).join("\n");
    if (distancePlot !== null && names !== distanceNames) {
      distancePlot.destroy(); // a law that applies from now on: a series more
      distancePlot = null;
    }
    distanceNames = names;
    if (distancePlot === null) distancePlot = distanceChart(view); else distancePlot.setData(distanceData(view));
  }

  function drawMetrics(view) {
    if (view.metrics.step.length === 0) return;
    document.getElementById("metrics-section").hidden = false;
    if (metricsPlot === null) metricsPlot = metricsChart(view); else metricsPlot.setData(metricsData(view));
  }

  function show(view) {
    events++;
    const planned = view.plannedSteps == null ? "" : " of " + view.plannedSteps;
    progress.textContent = "member " + view.member + ": step " + view.step + planned + " · all " + view.members
      + " members: steps " + view.overall.minStep + "–" + view.overall.maxStep + planned
      + " · running " + (view.ends.running || 0) + ", completed " + (view.ends.completed || 0)
      + ", failed " + (view.ends.failed || 0);
    if (events === 1) state.dataset.firstStep = String(view.step);
    state.dataset.step = String(view.step);
    state.dataset.minStep = String(view.overall.minStep);
    state.dataset.maxStep = String(view.overall.maxStep);
    state.dataset.events = String(events);
    state.dataset.points = String(view.moments.t.length);
    state.dataset.law = view.lawName || "";
    state.dataset.distancePoints = String(view.distances.reduce(function (n, d) { return n + d.t.length; }, 0));
    state.dataset.metricPoints = String(view.metrics.step.length);
    state.dataset.layerMetricPoints = String(view.layerMetrics.step.length);
    state.dataset.randomDistancePoints = String(view.randomDistance ? view.randomDistance.step.length : 0);
    layerChoice(view);
    try {
      const curve = view.lawName || "";
      if (spectrumPlot !== null && curve !== spectrumCurve) {
        spectrumPlot.destroy(); // another law applies from now on (or none)
        spectrumPlot = null;
      }
      spectrumCurve = curve;
      if (spectrumPlot === null) spectrumPlot = spectrumChart(view); else spectrumPlot.setData(spectrumData(view));
      drawDistances(view);
      drawMetrics(view);
      drawLayerMetrics(view);
      drawRandomDistance(view);
      if (momentsPlot === null) momentsPlot = momentsChart(view); else momentsPlot.setData(momentsData(view));
    } catch (e) {
      document.getElementById("error").textContent = "cannot draw the charts: " + e;
    }
  }

  const source = new EventSource(runPath + "events?member=" + encodeURIComponent(member) + "&layer=" + encodeURIComponent(layer));
  source.onmessage = function (message) {
    const view = JSON.parse(message.data);
    show(view);
    // a still page also stops once every member has ended: a finished run sends no more updates
    const ended = (view.ends.running || 0) === 0
      && (view.ends.completed || 0) + (view.ends.failed || 0) >= view.members;
    if (frames > 0 && (events >= frames || ended)) source.close();
  };
  source.onerror = function () {
    document.getElementById("error").textContent = "the server does not answer (stopped?); retrying…";
  };
})();
