import { describe, expect, it } from "vitest";
import { parseErrorBody } from "../../../src/core/errors/errorBody.js";

describe("error bodies (ErrorBody)", () => {
  it("reads each service's shape", () => {
    expect(parseErrorBody('{"success":false,"error":{"code":"not_found","message":"No job","doc_url":"d"}}')).toEqual({ code: "not_found", message: "No job", documentationUrl: "d" });
    expect(parseErrorBody('{"success":false,"status":404,"error":{"message":"gone","type":"NotFoundError"}}')).toMatchObject({ code: "NotFoundError", message: "gone" });
    expect(parseErrorBody('{"error":"Billing suspended","code":"BILLING_SUSPENDED","reason":"card","action":"add_card"}')).toEqual({ code: "BILLING_SUSPENDED", message: "Billing suspended", reason: "card", action: "add_card" });
    expect(parseErrorBody('{"request":{"id":"r1"},"data":null}')).toEqual({ requestId: "r1" });
    expect(parseErrorBody("<html>")).toEqual({});
    expect(parseErrorBody('{"detail":"Not authenticated"}')).toEqual({ message: "Not authenticated" });
  });
});

// Issue 27 §1 (as the C# ErrorBody): services are not consistent about JSON types, so every text field of an error
// body also accepts a number or a boolean, read as its JSON text; objects, arrays and null are not text.
describe("parseErrorBody: numbers and booleans read as their text", () => {
  it("Agentset: a numeric error.code and error.message", () => {
    expect(parseErrorBody('{"success":false,"error":{"code":409,"message":12.5,"doc_url":"https://docs.agentset.ai/errors"}}')).toEqual({
      code: "409",
      message: "12.5",
      documentationUrl: "https://docs.agentset.ai/errors",
    });
  });

  it("TrueFoundry: a numeric message and a boolean code", () => {
    expect(parseErrorBody('{"statusCode":500,"message":500}')).toEqual({ message: "500" });
    expect(parseErrorBody('{"statusCode":400,"message":"bad","code":true}')).toEqual({ code: "true", message: "bad" });
    expect(parseErrorBody('{"statusCode":400,"message":false,"code":4001}')).toEqual({ code: "4001", message: "false" });
  });

  it("Mixpeek: a numeric error.type and request_id", () => {
    expect(parseErrorBody('{"success":false,"status":404,"request_id":987654,"error":{"message":"Trigger not found","type":7}}')).toEqual({
      code: "7",
      message: "Trigger not found",
      requestId: "987654",
    });
  });

  it("Astropod and Shipyard: numeric reason, action and request.id", () => {
    expect(parseErrorBody('{"error":"card declined","code":402,"reason":1,"action":0}')).toEqual({
      code: "402",
      message: "card declined",
      reason: "1",
      action: "0",
    });
    expect(parseErrorBody('{"request":{"id":42},"data":null}')).toEqual({ requestId: "42" });
  });

  it("FastAPI detail: a numeric msg and type", () => {
    const body = parseErrorBody('{"detail":[{"loc":["body","n"],"msg":3,"type":false}]}');
    expect(body.validationIssues).toEqual([{ location: ["body", "n"], message: "3", type: "false" }]);
  });

  it("objects, arrays and null are not text: the next source counts", () => {
    expect(parseErrorBody('{"code":{"n":1},"message":["a"],"error":{"code":null,"type":"not_found","message":null}}')).toEqual({
      code: "not_found",
    });
  });
});
