/**
 * @module
 * Sign-in with an access token: checked against /me, then kept in this browser.
 */
import { ApiFailure, client, forgetMe, ok, setToken } from "../api";
import { h, add } from "../dom";
import { clearErrors, field, input, setStatus, showErrors, statusLine } from "../forms";
import type { PageContext } from "../main";
import { pageTitle } from "./common";

export async function render(ctx: PageContext) {
  const { t, main } = ctx;
  pageTitle(ctx, t("signInTitle"));
  const token = input("token", { type: "password", autocomplete: "off", spellcheck: "false", autocapitalize: "off" });
  const status = statusLine();
  const form = h(
    "form",
    { className: "card deal-sheet", novalidate: true },
    field(t("token"), token, { hint: t("tokenHint"), required: true }),
    h("button", { type: "submit", className: "btn primary" }, t("signInButton")),
    status,
  );
  add(main, h("h1", {}, t("signInTitle")), h("p", {}, t("signInIntro")), form);
  token.focus();
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const value = token.value.trim();
    if (!value) {
      showErrors(form, [{ path: "token", message: t("tokenRequired") }]);
      return;
    }
    try {
      const who = await ok(client.GET("/me", { headers: { Authorization: `Bearer ${value}` } }));
      setToken(value);
      forgetMe();
      ctx.announce(t("signedInAs", { role: who.role }));
      const next = ctx.query.get("next");
      ctx.navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) showErrors(form, [{ path: "token", message: t("signInFailed") }]);
      else setStatus(status, "err", (err as Error).message);
    }
  });
}
