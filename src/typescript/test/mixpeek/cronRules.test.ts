import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidArgumentError, MixpeekClient } from "../../src/index.js";
import { KEY } from "../support/clients.js";
import { json, ScriptedServer } from "../support/scriptedServer.js";
import { VirtualClock } from "../support/virtualClock.js";

// Issue 25 #1 (as .NET's ScheduleConstructionTests): a cron schedule Mixpeek would refuse is refused before sending,
// naming the field and the rule; the server sees no request.
const cron = (cron_expression: string, timezone?: string) => ({
  action_type: "cluster", action_config: { cluster_id: "clust_1" }, trigger_type: "cron",
  schedule_config: timezone === undefined ? { cron_expression } : { cron_expression, timezone },
});

describe("Mixpeek cron schedules are checked before sending (CronRule)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());
  const client = () => new MixpeekClient({ baseUrl: server.url, apiKey: KEY, namespace: "ns_prod", clock: new VirtualClock() });
  const refused = async (body: ReturnType<typeof cron>) => {
    const error = await client().triggers.create(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
    return error as InvalidArgumentError;
  };

  it.each([
    ["61 * * * *", "minute field must be 0-59"],
    ["0 24 * * *", "hour field must be 0-23"],
    ["0 0 0 * *", "day-of-month field must be 1-31"],
    ["0 0 32 * *", "day-of-month field must be 1-31"],
    ["0 0 * 13 *", "month field must be 1-12 or JAN-DEC"],
    ["0 0 * * 8", "day-of-week field must be 0-7 or SUN-SAT"],
    ["0 2 * *", "it has 4 fields"],
    ["0 0 2 * * *", "it has 6 fields"],
    ["*/0 * * * *", "minute field's step must be a whole number from 1 to 59"],
    ["30-10 * * * *", "minute field's range must run from low to high"],
    ["0 0 L * *", "day-of-month field must be 1-31"],
    ["0 0 * * 5#3", "day-of-week field must be 0-7"],
    ["@daily", "Write '0 0 * * *' instead."],
    ["@reboot", "macros such as '@daily' are not accepted by Mixpeek."],
  ])("refuses %s", async (expression, rule) => {
    const error = await refused(cron(expression, "UTC"));
    expect(error.argument).toBe("trigger.schedule_config.cron_expression");
    expect(error.message).toContain("five-field cron expression");
    expect(error.message).toContain(rule);
  });

  it.each([
    [{ cron_expression: "61 * * * *", timezone: "UTC" }, "update.schedule_config.cron_expression"],
    [{ cron_expression: "0 2 * * *", timezone: "Mars/Olympus" }, "update.schedule_config.timezone"],
    [{ interval_seconds: 5 }, "update.schedule_config.interval_seconds"],
  ])("an update's new schedule %j is checked as on create (C#: update.Schedule.Validate)", async (schedule_config, argument) => {
    const error = await client().triggers.update("trg_1", { schedule_config } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect(server.requests).toHaveLength(0);
  });

  it.each(["Mars/Olympus", "Europe/Berlinn", "W. Europe Standard Time", ""])("refuses the time zone '%s'", async (zone) => {
    const error = await refused(cron("0 2 * * *", zone));
    expect(error.argument).toBe("trigger.schedule_config.timezone");
    expect(error.message).toContain("IANA time zone id");
  });

  it.each(["59 23 31 12 7", "0-59/59 0,23 1-31/30 jan-dec sun-sat", "5/15 * * * *", "0,30 9-17/2 1,15 JAN-JUN MON-FRI"])("accepts the edge values %s", async (expression) => {
    server.reply(json(201, {}));
    await client().triggers.create(cron(expression, "Pacific/Chatham")).catch(() => undefined);
    expect(server.requests).toHaveLength(1);
  });

  it("accepts a cron schedule without a time zone (the service's UTC)", async () => {
    server.reply(json(201, {}));
    await client().triggers.create(cron("0 2 * * *")).catch(() => undefined);
    expect(server.requests).toHaveLength(1);
  });
});
