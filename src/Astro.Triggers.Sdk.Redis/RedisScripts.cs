namespace Astro.Triggers.Sdk.Redis;

/// <summary>The budget's two atomic scripts: the in-process rules (conformance rule <c>rate-limit-pacing</c>) on state
/// kept in Redis, timed by Redis's own clock (<c>TIME</c>) so processes on different machines agree. KEYS[1] is the state
/// hash (remaining, resetAt, serverReset, precision, probe, probeSentAt, issued, active), KEYS[2] the attempts in flight
/// (a sorted set of tickets scored by when they went, pruned after the lease: a dead process's attempts end).</summary>
internal static class RedisScripts
{
    private const string Now = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        """;

    /// <summary>ARGV: lease ms, probe grace ms, key ttl ms. Returns {granted, ticket, wait ms, spent}.</summary>
    public const string Take = Now + """

        local lease, grace, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - lease)
        local function go(probe)
          local ticket = redis.call('HINCRBY', KEYS[1], 'issued', 1)
          if probe then redis.call('HSET', KEYS[1], 'probe', ticket, 'probeSentAt', now) end
          redis.call('ZADD', KEYS[2], now, ticket)
          redis.call('PEXPIRE', KEYS[1], ttl)
          redis.call('PEXPIRE', KEYS[2], ttl)
          return {1, ticket, 0, 0}
        end
        local s = redis.call('HMGET', KEYS[1], 'active', 'remaining', 'resetAt', 'probe', 'probeSentAt')
        local probe, sentAt = tonumber(s[4]) or -1, tonumber(s[5]) or 0
        if not s[1] then
          -- No answer yet: one probe at a time (another after the grace, should its answer never come), so N processes
          -- starting together do not all spend the window before the service has said what it is.
          if probe < 0 or now - sentAt >= grace then return go(true) end
          return {0, 0, grace - (now - sentAt), 0}
        end
        local remaining, resetAt = tonumber(s[2]), tonumber(s[3])
        local inFlight = redis.call('ZCARD', KEYS[2])
        local wait, spent = 0, 0
        if now < resetAt then
          if remaining - inFlight > 0 then return go(false) end
          wait = resetAt - now
          if remaining <= 0 then spent = 1 end
        elseif remaining + 1 - inFlight <= 0 then
          wait = grace
        elseif probe < 0 or now - sentAt >= grace then
          return go(true)
        else
          wait = grace - (now - sentAt)
        end
        return {0, 0, wait, spent}
        """;

    /// <summary>ARGV: ticket, kind (w: a window; h: a 429's hint with the headers; n: a hint without them), remaining,
    /// limit, reset in ms, the service's reset moment (Unix ms on its clock), its precision in ms, key ttl ms.</summary>
    public const string Observe = Now + """

        local ticket, kind = tonumber(ARGV[1]), ARGV[2]
        local remaining, limit, resetIn = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
        local serverReset, precision, ttl = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
        redis.call('ZREM', KEYS[2], ticket)
        local s = redis.call('HMGET', KEYS[1], 'active', 'remaining', 'resetAt', 'serverReset', 'precision', 'probe')
        if kind == 'n' and not s[1] then return 0 end
        local known = s[1] ~= false
        local current, resetAt = tonumber(s[2]) or 0, tonumber(s[3]) or 0
        local currentReset, currentPrecision = tonumber(s[4]) or 0, tonumber(s[5]) or 0
        local probe = tonumber(s[6]) or -1
        local adopt, rounding = false, 1
        if kind ~= 'w' then
          adopt, rounding = true, 0
        elseif not known then
          adopt = true
        else
          local p = math.max(precision, currentPrecision)
          local later = serverReset > currentReset + p
          local same = (not later) and serverReset >= currentReset - p
          adopt = later or (same and remaining < current) or (now >= resetAt and (ticket == probe or probe < 0))
        end
        if adopt then
          if limit < 0 then limit = 0 end
          if remaining > limit then remaining = limit end
          if remaining < 0 then remaining = 0 end
          resetAt = now + resetIn + rounding
          redis.call('HSET', KEYS[1], 'remaining', remaining, 'resetAt', resetAt, 'serverReset', serverReset, 'precision', precision)
        end
        if ticket == probe or (adopt and now < resetAt) then redis.call('HSET', KEYS[1], 'probe', -1) end
        redis.call('HSET', KEYS[1], 'active', 1)
        redis.call('PEXPIRE', KEYS[1], ttl)
        redis.call('PEXPIRE', KEYS[2], ttl)
        return 1
        """;

    /// <summary>ARGV: ticket. An attempt without an answer: no longer in flight; if it was the probe, another may go.</summary>
    public const string Abandon = """
        redis.call('ZREM', KEYS[2], ARGV[1])
        if redis.call('HGET', KEYS[1], 'probe') == ARGV[1] then redis.call('HSET', KEYS[1], 'probe', -1) end
        return 1
        """;
}
