import { describe, expect, it } from "vitest";
import { parseRespondRoute, routeId, routeReference } from "./route.ts";

describe("parseRespondRoute", () => {
  it("reads a public link and an invitation", () => {
    expect(parseRespondRoute("/s/Ab3dE5gH7k", "")).toEqual({ kind: "link", slug: "Ab3dE5gH7k", requestedLanguage: null });
    const token = "x".repeat(20) + "-_" + "Y".repeat(21);
    expect(parseRespondRoute(`/r/${token}`, "?lang=en")).toEqual({ kind: "invitation", token, requestedLanguage: "en" });
  });

  it("accepts a trailing slash", () => {
    expect(parseRespondRoute("/s/abc/", "")?.kind).toBe("link");
  });

  it("refuses other paths and segments that are not slugs or tokens", () => {
    expect(parseRespondRoute("/customers", "")).toBeNull();
    expect(parseRespondRoute("/s/", "")).toBeNull();
    expect(parseRespondRoute("/s/a/b", "")).toBeNull();
    expect(parseRespondRoute("/x/abc", "")).toBeNull();
    expect(parseRespondRoute("/s/%3Cscript%3E", "")).toBeNull();
    expect(parseRespondRoute("/s/%E0%A4%A", "")).toBeNull();
    expect(parseRespondRoute(`/r/${"a".repeat(101)}`, "")).toBeNull();
  });

  it("names the route for API bodies and storage keys", () => {
    const link = parseRespondRoute("/s/abc", "")!;
    const invitation = parseRespondRoute("/r/tok", "")!;
    expect(routeReference(link)).toEqual({ slug: "abc" });
    expect(routeReference(invitation)).toEqual({ token: "tok" });
    expect(routeId(link)).not.toBe(routeId(parseRespondRoute("/r/abc", "")!));
  });
});
