// Shows each session time in the reader's own zone, for visitors and for people who have
// not chosen a zone. The page already names the venue's zone, so without this script
// (or with an unknown zone) it stays right as it is.
(function () {
  "use strict";
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) {
    return;
  }
  var lang = document.documentElement.lang || "en";
  var clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  var styles = {
    time: clock,
    datetime: Object.assign({ weekday: "long", day: "numeric", month: "long", year: "numeric" }, clock)
  };
  document.querySelectorAll("time[datetime][data-local]").forEach(function (element) {
    var moment = new Date(element.getAttribute("datetime"));
    var style = styles[element.dataset.local];
    if (isNaN(moment) || !style) {
      return;
    }
    // Digits stay Western (0-9) in every language, as in the server's formats.
    var options = Object.assign({ timeZone: zone, numberingSystem: "latn" }, style);
    element.title = element.textContent;
    element.textContent = new Intl.DateTimeFormat(lang, options).format(moment);
  });
  document.querySelectorAll("[data-local-zone] bdi").forEach(function (element) {
    element.textContent = zone;
  });
})();
