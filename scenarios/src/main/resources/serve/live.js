// The live page of one run: subscribes to /runs/ID/events?member=M (Server-Sent Events) and
// redraws the member's spectrum (histogram with the initial law's density over it, when the run
// started from one) and its mean and variance against time with uPlot.
(function () {
  "use strict";
  const params = new URLSearchParams(location.search);
  const member = params.get("member") || "0";
  // ?frames=N: stop following after N updates (a still page: for printing, or a headless browser,
  // whose virtual clock waits for open connections)
  const frames = parseInt(params.get("frames") || "0", 10);
  const runPath = location.pathname.replace(/\/live$/, "/");
  const runId = decodeURIComponent(runPath.split("/").filter(Boolean)[1] || "");
  const state = document.getElementById("state");
  const progress = document.getElementById("progress");
  document.getElementById("title").textContent = "run " + runId + ", member " + member;
  document.getElementById("member").value = member;
  document.getElementById("show").onclick = function () {
    location.search = "?member=" + encodeURIComponent(document.getElementById("member").value);
  };

  let spectrumPlot = null;
  let momentsPlot = null;
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

  function show(view) {
    events++;
    const planned = view.plannedSteps == null ? "" : " of " + view.plannedSteps;
    progress.textContent = "member " + view.member + ": step " + view.step + planned + " · all " + view.members
      + " members: steps " + view.overall.minStep + "–" + view.overall.maxStep + planned
      + " · running " + view.ends.running + ", completed " + view.ends.completed + ", failed " + view.ends.failed;
    state.dataset.step = String(view.step);
    state.dataset.minStep = String(view.overall.minStep);
    state.dataset.maxStep = String(view.overall.maxStep);
    state.dataset.events = String(events);
    state.dataset.points = String(view.moments.t.length);
    state.dataset.law = view.spectrum.law ? "marchenko-pastur" : "";
    try {
      if (spectrumPlot === null) spectrumPlot = spectrumChart(view); else spectrumPlot.setData(spectrumData(view));
      if (momentsPlot === null) momentsPlot = momentsChart(view); else momentsPlot.setData(momentsData(view));
    } catch (e) {
      document.getElementById("error").textContent = "cannot draw the charts: " + e;
    }
  }

  const source = new EventSource(runPath + "events?member=" + encodeURIComponent(member));
  source.onmessage = function (message) {
    show(JSON.parse(message.data));
    if (frames > 0 && events >= frames) source.close();
  };
  source.onerror = function () {
    document.getElementById("error").textContent = "the server does not answer (stopped?); retrying…";
  };
})();
