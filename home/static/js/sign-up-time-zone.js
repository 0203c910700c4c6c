// Fills the sign-up form's hidden time zone from the browser; the server ignores a value
// that is not a known zone, and the person can change it in their profile.
(function () {
  "use strict";
  var field = document.querySelector("input[type=hidden][name=time_zone]");
  if (field) {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  }
})();
