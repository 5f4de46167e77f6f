import { describe, expect, it } from "vitest";
import { redactUrl } from "../../../src/core/security/redactor.js";

// .NET: Redactor.Uri shows only the query parameters the services' documents define (an allow-list, as Azure's
// HttpMessageSanitizer); every other value is masked, so a secret in a parameter nobody anticipated never shows.
describe("redactUrl: an allow-list of documented query parameters", () => {
  it("masks a pre-signed URL's signature and credential, keeps the documented cursor", () => {
    const url =
      "https://bucket.s3.amazonaws.com/o?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA123%2F20260301&X-Amz-Signature=0123abcd&cursor=c1";
    const redacted = redactUrl(url);
    expect(redacted).toBe("https://bucket.s3.amazonaws.com/o?X-Amz-Algorithm=***&X-Amz-Credential=***&X-Amz-Signature=***&cursor=c1");
    expect(redacted).not.toContain("0123abcd");
    expect(redacted).not.toContain("AKIA123");
  });

  it("shows every documented parameter, case-insensitively and percent-decoded", () => {
    const shown =
      "account=a&cursor=c&cursorDirection=d&deploymentId=e&jobRunName=f&limit=1&offset=2&order=asc&orderBy=g&perPage=3&searchPrefix=h&sortBy=i&status=j&statuses=k&triggeredBy=l&versionNumbers=4";
    expect(redactUrl(`https://h.example/x?${shown}`)).toBe(`https://h.example/x?${shown}`);
    expect(redactUrl("https://h.example/x?LIMIT=5&Cursor=c&%6Cimit=6")).toBe("https://h.example/x?LIMIT=5&Cursor=c&%6Cimit=6");
  });

  it("redacts user info and every query value but the services' documented parameters", () => {
    expect(redactUrl("https://u:p@h.example/a?token=t1&x=1&API_KEY=k&limit=5")).toBe("https://***@h.example/a?token=***&x=***&API_KEY=***&limit=5");
  });

  it("masks any other value, a token a proxy added or a key nobody anticipated", () => {
    expect(redactUrl("https://h.example/x?sas=sv-2024&limit=5&auth=abc&token=t")).toBe("https://h.example/x?sas=***&limit=5&auth=***&token=***");
  });

  it("keeps a parameter without a value, masks user info, leaves an invalid escape in a key as it is", () => {
    expect(redactUrl("https://u:p@h.example/x?flag&%zz=1")).toBe("https://***@h.example/x?flag&%zz=***");
  });
});
