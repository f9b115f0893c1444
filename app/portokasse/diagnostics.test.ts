import { describe, expect, it } from "vitest";
import {
  AccountLockedError,
  AppNotApprovedError,
  InvalidCredentialsError,
  LoginRefusedError,
  MAX_PASSWORD_LENGTH,
  NetworkError,
  ServerError,
} from "~/internetmarke";
import { messages } from "~/i18n/messages";
import { checkCredentials, diagnose, PORTOKASSE_PROBLEMS } from "./diagnostics";
import { PORTOKASSE_PASSWORD_MAX } from "./limits";

const details = { operation: "login" };
const SPEC_401 =
  "Unauthorized, user account is not valid, is locked, the provided authorization token is not valid or the application is not authorized by user.";

describe("Portokasse diagnostics", () => {
  it("maps each client error to the merchant's problem", () => {
    expect(diagnose(new AppNotApprovedError("x", details))).toBe("app-not-approved");
    expect(diagnose(new AccountLockedError("x", details))).toBe("account-locked");
    expect(
      diagnose(new InvalidCredentialsError("x", { ...details, detail: "Invalid username or password." })),
    ).toBe("wrong-password");
    expect(
      diagnose(new InvalidCredentialsError("x", { ...details, detail: "Invalid client credentials." })),
    ).toBe("app-credentials");
    expect(diagnose(new ServerError("x", details))).toBe("unavailable");
    expect(diagnose(new NetworkError("x", details))).toBe("unavailable");
    expect(diagnose(new Error("?"))).toBe("unexpected");
  });

  it("names both causes for the spec's generic 401 text, without suggesting a retry", () => {
    expect(diagnose(new LoginRefusedError("x", { ...details, detail: SPEC_401 }))).toBe("login-refused");
    for (const locale of ["en", "de"] as const) {
      const text = messages[locale]["portokasse.problem.login-refused"];
      expect(text).toMatch(locale === "de" ? /Passwort/ : /password/);
      expect(text).toMatch(locale === "de" ? /Geschäftsanwendungen/ : /business applications/);
      expect(text).toMatch(locale === "de" ? /drei/ : /three/);
      expect(text).not.toMatch(/später erneut|try again later|erneut versuchen/i);
    }
  });

  it("reads the error's code, not its class: a copy of the client module from a reload still counts", () => {
    // What a client error from another module instance looks like to this one: same fields, other class.
    const foreign = Object.assign(new Error("Portokasse login refused"), {
      code: "invalid_credentials",
      operation: "login",
      detail: "Invalid username or password.",
    });
    expect(diagnose(foreign)).toBe("wrong-password");
    expect(diagnose(Object.assign(new Error("x"), { code: "login_refused", operation: "login" }))).toBe(
      "login-refused",
    );
  });

  it("checks the password length before anything is sent, with the client's limit", () => {
    expect(PORTOKASSE_PASSWORD_MAX).toBe(MAX_PASSWORD_LENGTH);
    expect(checkCredentials("u", "x".repeat(22))).toBeNull();
    expect(checkCredentials("u", "x".repeat(23))).toBe("password-too-long");
    expect(checkCredentials(" ", "pw")).toBe("missing-credentials");
  });

  it("has a message in English and German for every problem", () => {
    for (const problem of PORTOKASSE_PROBLEMS) {
      expect(messages.en).toHaveProperty([`portokasse.problem.${problem}`]);
      expect(messages.de).toHaveProperty([`portokasse.problem.${problem}`]);
    }
    expect(messages.de["portokasse.problem.app-not-approved"]).toContain(
      "„Meine Daten“ → „Geschäftsanwendungen“",
    );
    expect(messages.en["portokasse.problem.app-not-approved"]).toContain("business applications");
  });
});
