using Npgsql;

namespace Astro.Triggers.Sdk.Fleet;

/// <summary>One document to ingest, as the fleet's table holds it.</summary>
internal sealed record FleetDocument(string ExternalId, int Batch, string Text, DateTimeOffset? SendingSince, string? ResumeToken, string? Status);

/// <summary>The fleet's own state in PostgreSQL (beside Quartz's tables): each document, whether a create may have been
/// sent for it, its run as a resume token once started, and its final status once followed to its end; and each execution
/// of a batch job (which worker, whether it recovered a dead worker's job, when), for the test and the figures.</summary>
internal sealed class DocumentStore(NpgsqlDataSource db)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS fleet_documents (
          external_id   text PRIMARY KEY,
          batch         integer NOT NULL,
          text          text NOT NULL,
          sending_since timestamptz,
          resume_token  text,
          started_by    text,
          status        text,
          finished_by   text,
          finished_at   timestamptz);
        CREATE INDEX IF NOT EXISTS fleet_documents_batch ON fleet_documents (batch);
        CREATE TABLE IF NOT EXISTS fleet_executions (
          id          bigserial PRIMARY KEY,
          batch       integer NOT NULL,
          worker      text NOT NULL,
          recovering  boolean NOT NULL,
          started_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
          finished_at timestamptz,
          started     integer,
          resumed     integer,
          adopted     integer);
        """;

    public async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(Schema);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddDocumentsAsync(IEnumerable<(string ExternalId, int Batch, string Text)> documents, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var import = await connection.BeginBinaryImportAsync("COPY fleet_documents (external_id, batch, text) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (externalId, batch, text) in documents)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(externalId, cancellationToken);
            await import.WriteAsync(batch, cancellationToken);
            await import.WriteAsync(text, cancellationToken);
        }

        await import.CompleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FleetDocument>> LoadBatchAsync(int batch, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "SELECT external_id, batch, text, sending_since, resume_token, status FROM fleet_documents WHERE batch = $1 ORDER BY external_id");
        command.Parameters.AddWithValue(batch);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<FleetDocument>();
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(new FleetDocument(
                reader.GetString(0), reader.GetInt32(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return documents;
    }

    /// <summary>Written before the creates are sent: a worker that dies after this may or may not have created them, so
    /// whoever recovers the batch looks them up by ExternalId instead of sending them again.</summary>
    public async Task MarkSendingAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "UPDATE fleet_documents SET sending_since = COALESCE(sending_since, clock_timestamp()) WHERE external_id = ANY($1)");
        command.Parameters.AddWithValue(externalIds.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveStartedAsync(string externalId, string resumeToken, string worker, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("UPDATE fleet_documents SET resume_token = $2, started_by = $3 WHERE external_id = $1");
        command.Parameters.AddWithValue(externalId);
        command.Parameters.AddWithValue(resumeToken);
        command.Parameters.AddWithValue(worker);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveEndedAsync(string externalId, string status, string worker, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "UPDATE fleet_documents SET status = $2, finished_by = $3, finished_at = clock_timestamp() WHERE external_id = $1");
        command.Parameters.AddWithValue(externalId);
        command.Parameters.AddWithValue(status);
        command.Parameters.AddWithValue(worker);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> BeginExecutionAsync(int batch, string worker, bool recovering, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("INSERT INTO fleet_executions (batch, worker, recovering) VALUES ($1, $2, $3) RETURNING id");
        command.Parameters.AddWithValue(batch);
        command.Parameters.AddWithValue(worker);
        command.Parameters.AddWithValue(recovering);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task EndExecutionAsync(long id, int started, int resumed, int adopted, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "UPDATE fleet_executions SET finished_at = clock_timestamp(), started = $2, resumed = $3, adopted = $4 WHERE id = $1");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(started);
        command.Parameters.AddWithValue(resumed);
        command.Parameters.AddWithValue(adopted);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
