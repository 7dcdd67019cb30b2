/* Self-checks (selvtjek) on the training pages: pick an answer, press
   "Tjek svar", read the feedback. The markup comes from
   scripts/sitekit/selfcheck.py. Without this script every question still has
   its answer in a "Se svaret" <details>. With it, the <details> is hidden and
   the same explanation is written into the question's aria-live region, so a
   screen reader announces it. Radio buttons and the button are native
   controls: Tab, arrow keys, Space and Enter work without extra code. */
(function () {
  "use strict";

  function text(el) {
    return el ? el.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function check(question) {
    var feedback = question.querySelector(".selvtjek__feedback");
    var chosen = question.querySelector("input[type=radio]:checked");
    var right = question.querySelector("input[data-rigtigt]");
    var details = question.querySelector(".selvtjek__forklaring");
    var why = text(details && details.querySelector(".selvtjek__hvorfor"));
    var more = details && details.querySelector(".selvtjek__laes");

    feedback.textContent = "";
    feedback.classList.remove("selvtjek__feedback--rigtigt", "selvtjek__feedback--forkert");
    if (!chosen) {
      feedback.textContent = "Vælg et svar først.";
      return;
    }
    var ok = chosen === right;
    var rightText = text(question.querySelector('label[for="' + right.id + '"]'));
    // Why the chosen answer is right or wrong (data: "hvorfor" per answer).
    var reason = text(details && details.querySelector('.selvtjek__valg[data-for="' + chosen.id + '"] .selvtjek__valg-hvorfor'));
    var head = document.createElement("strong");
    head.textContent = ok ? "Rigtigt. " : "Ikke helt. ";
    var p = document.createElement("p");
    p.appendChild(head);
    if (reason) p.appendChild(document.createTextNode(reason + " "));
    if (!ok) {
      p.appendChild(document.createTextNode("Det rigtige svar er: " + rightText + " "));
    }
    feedback.appendChild(p);
    var because = document.createElement("p");
    because.textContent = why;
    feedback.appendChild(because);
    if (more) feedback.appendChild(more.cloneNode(true));
    feedback.classList.add(ok ? "selvtjek__feedback--rigtigt" : "selvtjek__feedback--forkert");
  }

  function setup() {
    document.querySelectorAll(".selvtjek__spoergsmaal").forEach(function (question) {
      var button = question.querySelector(".selvtjek__tjek");
      var details = question.querySelector(".selvtjek__forklaring");
      if (!button) return;
      button.hidden = false;
      // The script gives the answer after "Tjek svar"; the spoiler goes away.
      if (details) details.hidden = true;
      button.addEventListener("click", function () { check(question); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
