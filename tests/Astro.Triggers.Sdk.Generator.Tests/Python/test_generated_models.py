"""What the generated models promise (src/python/README-generated.md), on the real documents in openapi/."""

from __future__ import annotations

import dataclasses
import logging
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from astro_triggers._generated import _wire, agentset, astropod, mixpeek, shipyard, truefoundry
from astro_triggers._generated._wire import Operation, QueryParam, WireFormatError

from conftest import GENERATED, PYTHON_SRC

SECRET = "sk_live_do_not_log_me"


def ingest_job(**overrides: object) -> dict[str, object]:
    job: dict[str, object] = {
        "id": "job_1", "namespaceId": "ns_1", "tenantId": None, "externalId": None, "status": "QUEUED", "error": None,
        "payload": {"type": "TEXT", "text": "hello"}, "config": None, "createdAt": "2026-03-01T12:00:00.123Z",
        "queuedAt": None, "preProcessingAt": None, "processingAt": None, "completedAt": None, "failedAt": None,
    }
    job.update(overrides)
    return job


class TestModels:
    def test_dataclasses_are_slotted_keyword_only_and_mutable(self) -> None:
        params = agentset.IngestJob.__dataclass_params__  # type: ignore[attr-defined]
        assert not params.frozen
        assert "__slots__" in vars(agentset.IngestJob)
        with pytest.raises(TypeError):
            agentset.TextPayload("hello")  # type: ignore[misc]
        job = agentset.IngestJob.from_json(ingest_job())
        job.status = "COMPLETED"
        assert job.status == "COMPLETED"

    def test_reads_wire_names_into_snake_case_attributes(self) -> None:
        job = agentset.IngestJob.from_json(ingest_job())
        assert (job.id, job.namespace_id, job.status, job.tenant_id) == ("job_1", "ns_1", "QUEUED", None)
        assert [f.name for f in dataclasses.fields(agentset.IngestJob)][:3] == ["id", "namespace_id", "status"]

    def test_round_trips_to_wire_names_and_leaves_out_optional_none(self) -> None:
        request = agentset.CreateIngestJobRequest(payload=agentset.TextPayload(text="hi"), external_id="ext-1")
        assert request.to_json() == {"payload": {"type": "TEXT", "text": "hi"}, "externalId": "ext-1"}
        wire = ingest_job(name="n")
        assert agentset.IngestJob.from_json(wire).to_json() == {**wire, "createdAt": "2026-03-01T12:00:00.123000Z"}

    def test_required_but_nullable_properties_are_written_as_null(self) -> None:
        out = agentset.IngestJob.from_json(ingest_job()).to_json()
        assert out["completedAt"] is None and "completedAt" in out
        assert "name" not in out

    def test_snake_case_wire_names_stay_as_they_are(self) -> None:
        ids = shipyard.FleetRunIds.from_json({"fleet_run_id": "r1", "org_id": "o"})
        assert (ids.fleet_run_id, ids.org_id, ids.fleet_id) == ("r1", "o", None)


class TestUnions:
    @pytest.mark.parametrize(
        ("wire", "expected"),
        [
            ({"type": "TEXT", "text": "t"}, agentset.TextPayload),
            ({"type": "FILE", "fileUrl": "https://x/y.pdf"}, agentset.FilePayload),
            ({"type": "MANAGED_FILE", "key": "k"}, agentset.ManagedFilePayload),
            ({"type": "CRAWL", "url": "https://x", "maxDepth": 2}, agentset.CrawlPayload),
            ({"type": "YOUTUBE", "urls": ["https://y"]}, agentset.YoutubePayload),
            ({"type": "BATCH", "items": [{"type": "TEXT", "text": "t"}]}, agentset.BatchPayload),
        ],
    )
    def test_the_discriminator_picks_the_case(self, wire: dict[str, object], expected: type) -> None:
        payload = agentset.IngestJobPayload.from_json(wire)
        assert type(payload) is expected
        assert isinstance(payload, agentset.IngestJobPayload)
        assert payload.to_json() == wire

    def test_a_case_knows_its_discriminator(self) -> None:
        assert agentset.TextPayload(text="x").type == "TEXT"
        assert agentset.BatchFileItem(file_url="https://f").to_json() == {"type": "FILE", "fileUrl": "https://f"}

    def test_nested_unions_read_their_own_cases(self) -> None:
        batch = agentset.IngestJobPayload.from_json(
            {"type": "BATCH", "items": [{"type": "TEXT", "text": "a"}, {"type": "MANAGED_FILE", "key": "k"}]})
        assert isinstance(batch, agentset.BatchPayload)
        assert [type(i) for i in batch.items] == [agentset.BatchTextItem, agentset.BatchManagedFileItem]

    def test_an_unknown_discriminator_value_keeps_the_raw_object(self) -> None:
        wire = {"type": "PODCAST", "feed": "https://p", "depth": {"a": 1}}
        payload = agentset.IngestJob.from_json(ingest_job(payload=wire)).payload
        assert isinstance(payload, agentset.UnknownIngestJobPayload)
        assert payload.type == "PODCAST" and payload.raw == wire
        assert payload.to_json() == wire

    def test_a_missing_discriminator_is_a_wire_format_error_at_its_path(self) -> None:
        with pytest.raises(WireFormatError) as error:
            agentset.IngestJob.from_json(ingest_job(payload={"text": "t"}))
        assert error.value.path == "$.payload.type"

    def test_a_case_read_directly_is_read_as_that_case(self) -> None:
        assert agentset.TextPayload.from_json({"type": "TEXT", "text": "t"}) == agentset.TextPayload(text="t")


class TestValues:
    def test_unknown_enum_values_are_kept_as_strings(self) -> None:
        job = agentset.IngestJob.from_json(ingest_job(status="ARCHIVED_BY_ROBOT"))
        assert job.status == "ARCHIVED_BY_ROBOT"
        run = truefoundry.JobRun.from_json({"name": "r", "status": "SUSPENDED"})
        assert run.status == "SUSPENDED"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2026-03-01T12:00:00", datetime(2026, 3, 1, 12, tzinfo=timezone.utc)),
            ("2026-03-01T12:00:00.5", datetime(2026, 3, 1, 12, 0, 0, 500000, tzinfo=timezone.utc)),
            ("2026-03-01T12:00:00Z", datetime(2026, 3, 1, 12, tzinfo=timezone.utc)),
            ("2026-03-01T14:00:00+02:00", datetime(2026, 3, 1, 12, tzinfo=timezone.utc)),
        ],
    )
    def test_timestamps_have_a_zone_and_naive_ones_are_utc(self, text: str, expected: datetime) -> None:
        created = agentset.IngestJob.from_json(ingest_job(createdAt=text)).created_at
        assert created.tzinfo is not None
        assert created == expected

    def test_a_timestamp_with_an_offset_keeps_it(self) -> None:
        created = agentset.IngestJob.from_json(ingest_job(createdAt="2026-03-01T14:00:00+02:00")).created_at
        assert created.utcoffset() == timedelta(hours=2)

    def test_64_bit_integers_read_exactly(self) -> None:
        big = 2**63 - 1
        execution = mixpeek.TriggerExecution.from_json(
            {"task_id": "t", "triggered_at": "2026-03-01T12:00:00Z", "status": "ok", "execution_time_ms": big})
        assert execution.execution_time_ms == big
        assert agentset.CrawlPayload.from_json({"type": "CRAWL", "url": "u", "limit": 3_000_000_000}).limit == 3_000_000_000

    def test_a_boolean_is_not_an_integer_and_a_whole_float_is(self) -> None:
        assert truefoundry.JobRun.from_json({"name": "r", "exitCode": 2.0}).exit_code == 2
        with pytest.raises(WireFormatError):
            _wire.read_int(True, "$.x")

    def test_numbers_read_as_float(self) -> None:
        run = truefoundry.JobRun.from_json({"name": "r", "createdAt": 1767225600000})
        assert run.created_at == 1767225600000.0 and isinstance(run.created_at, float)

    def test_nullable_dictionary_values(self) -> None:
        override = shipyard.VesselOverride.from_json({"name": "v", "environment_variable_overrides": {"A": "1", "B": None}})
        assert override.environment_variable_overrides == {"A": "1", "B": None}
        assert override.to_json()["environment_variable_overrides"] == {"A": "1", "B": None}

    def test_a_oneof_of_plain_shapes_reads_either(self) -> None:
        assert truefoundry.JobRunInput.from_json({"command": "run.sh"}).command == "run.sh"
        assert truefoundry.JobRunInput.from_json({"command": ["run", "-x"]}).command == ["run", "-x"]

    def test_free_form_objects_stay_json(self) -> None:
        task = mixpeek.TriggerTask.from_json(
            {"task_id": "t", "task_type": "brand_new_kind", "status": "PENDING", "additional_data": {"k": [1, {"n": None}]}})
        assert task.task_type == "brand_new_kind"
        assert task.additional_data == {"k": [1, {"n": None}]}

    def test_an_object_with_no_properties(self) -> None:
        assert astropod.TriggerIngestionRequest().to_json() == {}
        assert astropod.TriggerIngestionRequest.from_json({}) == astropod.TriggerIngestionRequest()


class TestReadWithoutInit:
    """_from_object makes the instance without __init__ (faster than binding a dozen keywords): every field must still
    be set, so a model read equals the one constructed, compares, prints and writes back."""

    def test_a_read_model_equals_the_constructed_one(self) -> None:
        read = agentset.IngestJob.from_json(ingest_job())
        built = agentset.IngestJob(id="job_1", namespace_id="ns_1", status="QUEUED", payload=agentset.TextPayload(text="hello"),
                                   created_at=datetime(2026, 3, 1, 12, 0, 0, 123000, tzinfo=timezone.utc))
        assert read == built
        assert repr(read) == repr(built)
        assert agentset.IngestJob.from_json(read.to_json()) == read

    @pytest.mark.parametrize("module", [agentset, astropod, mixpeek, shipyard, truefoundry])
    def test_every_field_is_set_on_a_model_read_from_the_smallest_valid_object(self, module: object) -> None:
        # Required fields are filled from the constructed defaults' wire form; every slot is then read back.
        for name in getattr(module, "__all__"):
            cls = getattr(module, name)
            if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)) or any(
                f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING for f in dataclasses.fields(cls)
            ):
                continue
            model = cls.from_json(cls().to_json())
            assert all(hasattr(model, f.name) for f in dataclasses.fields(cls)), name
            assert model == cls(), name


class TestMalformed:
    def test_a_missing_required_value_raises_naming_its_path(self) -> None:
        wire = {"success": True, "data": [ingest_job(), ingest_job(id=None)], "pagination": {"nextCursor": None, "prevCursor": None, "hasMore": False}}
        with pytest.raises(WireFormatError) as error:
            agentset.IngestJobListResponse.from_json(wire)
        assert error.value.path == "$.data[1].id"
        assert isinstance(error.value, Exception)

    def test_a_malformed_required_value_raises_without_the_value(self) -> None:
        with pytest.raises(WireFormatError) as error:
            agentset.IngestJob.from_json(ingest_job(createdAt=SECRET))
        assert error.value.path == "$.createdAt"
        assert SECRET not in str(error.value)

    def test_not_an_object_at_the_top(self) -> None:
        with pytest.raises(WireFormatError) as error:
            agentset.IngestJob.from_json([1, 2])
        assert error.value.path == "$"

    def test_a_malformed_optional_value_is_none_with_a_warning_naming_the_path_not_the_value(
        self, caplog: pytest.LogCaptureFixture
    ) -> None:
        with caplog.at_level(logging.WARNING, logger="astro_triggers"):
            job = agentset.IngestJob.from_json(ingest_job(queuedAt=SECRET, name=12, config={"chunkSize": SECRET}))
        assert (job.queued_at, job.name) == (None, None)
        assert job.config is not None and job.config.chunk_size is None
        messages = [r.getMessage() for r in caplog.records if r.name == "astro_triggers"]
        assert len(messages) == 3
        assert any("$.queuedAt" in m for m in messages) and any("$.config.chunkSize" in m for m in messages)
        assert all(SECRET not in m for m in messages)
        assert all(r.levelno == logging.WARNING for r in caplog.records)

    def test_a_malformed_optional_object_is_none(self, caplog: pytest.LogCaptureFixture) -> None:
        with caplog.at_level(logging.WARNING, logger="astro_triggers"):
            run = truefoundry.JobRun.from_json({"name": "r", "triggeredBySubject": "not an object"})
        assert run.triggered_by_subject is None
        assert "$.triggeredBySubject" in caplog.text

    def test_paths_deep_in_lists_and_unions_read_as_before(self, caplog: pytest.LogCaptureFixture) -> None:
        # The readers pass (path, key) tuples down and render them only on failure; the text is the same as ever.
        batch = {"type": "BATCH", "items": [{"type": "TEXT", "text": "a"}, {"type": "TEXT"}]}
        wire = {"success": True, "data": [ingest_job(), ingest_job(payload=batch)],
                "pagination": {"nextCursor": None, "prevCursor": None, "hasMore": False}}
        with pytest.raises(WireFormatError) as error:
            agentset.IngestJobListResponse.from_json(wire)
        assert (error.value.path, error.value.message) == ("$.data[1].payload.items[1].text", "required property is missing")
        with caplog.at_level(logging.WARNING, logger="astro_triggers"):
            agentset.IngestJobListResponse.from_json({**wire, "data": [ingest_job(), ingest_job(failedAt="x")]})
        assert "ignored a malformed optional value at $.data[1].failedAt: expected an ISO 8601 date-time" in caplog.text

    def test_a_key_that_is_not_an_identifier_is_quoted_in_the_path(self) -> None:
        with pytest.raises(WireFormatError) as error:
            _wire.dict_of(_wire.read_int)({"ok": 1, "x-y": "no"}, ("$", "headers"))
        assert error.value.path == "$.headers['x-y']"
        assert _wire.render((((("$", "data"), 3), "createdAt"))) == "$.data[3].createdAt"
        assert _wire.render("$.given") == "$.given"

    def test_a_path_given_as_text_is_kept(self) -> None:
        with pytest.raises(WireFormatError) as error:
            agentset.IngestJob.from_json(ingest_job(id=7), "$.data[9]")
        assert (error.value.path, error.value.message) == ("$.data[9].id", "expected a string, got a number")

    @pytest.mark.parametrize("value, message", [(None, "required property is null"), ("x", "expected a boolean, got a string")])
    def test_a_required_plain_value_that_fails_the_inline_check_gets_the_full_error(self, value: object, message: str) -> None:
        with pytest.raises(WireFormatError) as error:
            agentset.Pagination.from_json({"hasMore": value})
        assert (error.value.path, error.value.message) == ("$.hasMore", message)

    def test_the_error_is_a_plain_exception_with_path_and_message(self) -> None:
        error = WireFormatError("$.a", "broken")
        assert (error.path, error.message, str(error)) == ("$.a", "broken", "$.a: broken")
        assert WireFormatError.__mro__[1] is Exception


class TestWireFacts:
    def test_operations_are_keyed_by_operation_id(self) -> None:
        op = agentset.OPERATIONS["listIngestJobs"]
        assert op == Operation(
            service="Agentset", operation_id="listIngestJobs", method="GET",
            path="/v1/namespace/{namespaceId}/ingest-jobs", idempotent=True,
            query=(
                QueryParam("statuses", style="form", explode=False),
                QueryParam("orderBy"), QueryParam("order"), QueryParam("cursor"), QueryParam("cursorDirection"),
                QueryParam("perPage"),
            ),
            headers=("x-tenant-id",), path_params=("namespaceId",),
        )

    @pytest.mark.parametrize(
        ("module", "operation", "idempotent"),
        [
            (agentset, "createIngestJob", False), (agentset, "reIngestJob", False), (agentset, "deleteIngestJob", True),
            (truefoundry, "triggerJob", False), (truefoundry, "terminateJobRun", True),
            (mixpeek, "listTriggers", True), (mixpeek, "executeTrigger", False), (mixpeek, "updateTrigger", True),
            (shipyard, "triggerFleetRun", False), (astropod, "triggerIngestion", False),
        ],
    )
    def test_idempotent_is_the_method_or_x_astro_idempotent(self, module: object, operation: str, idempotent: bool) -> None:
        assert getattr(module, "OPERATIONS")[operation].idempotent is idempotent

    def test_services_are_spelled_as_the_vendor_does(self) -> None:
        assert {m.OPERATIONS[next(iter(m.OPERATIONS))].service for m in (agentset, astropod, mixpeek, shipyard, truefoundry)} == {
            "Agentset", "Astropod", "Mixpeek", "Shipyard", "TrueFoundry"}

    def test_query_arrays_without_explode_repeat_their_keys(self) -> None:
        query = {q.name: q for q in truefoundry.OPERATIONS["listJobRuns"].query}
        assert query["status"].explode and query["versionNumbers"].explode
        terminate = {q.name: q for q in truefoundry.OPERATIONS["terminateJobRun"].query}
        assert terminate["deploymentId"].required

    def test_header_parameters_by_wire_name(self) -> None:
        assert mixpeek.OPERATIONS["getTrigger"].headers == ("X-Namespace",)
        assert mixpeek.OPERATIONS["getTrigger"].path == "/v1/triggers/{trigger_id}"

    def test_run_status_maps_every_word_to_a_common_status(self) -> None:
        assert agentset.RUN_STATUS["PRE_PROCESSING"] == "running"
        assert truefoundry.RUN_STATUS["TERMINATED"] == "cancelled"
        assert shipyard.RUN_STATUS["Memory Error"] == "failed"
        assert mixpeek.RUN_STATUS["COMPLETED_WITH_ERRORS"] == "failed"
        assert astropod.RUN_STATUS == {}
        common = {"queued", "running", "succeeded", "failed", "cancelled", "unknown"}
        for module in (agentset, shipyard, mixpeek, truefoundry):
            assert set(module.RUN_STATUS.values()) <= common

    def test_date_time_fields(self) -> None:
        assert "createdAt" in agentset.DATE_TIME_FIELDS and "id" not in agentset.DATE_TIME_FIELDS
        assert {"created_at", "next_scheduled_at", "triggered_at"} <= mixpeek.DATE_TIME_FIELDS
        assert truefoundry.DATE_TIME_FIELDS == frozenset()  # its times are Unix milliseconds, numbers


def test_the_generated_package_is_clean_under_mypy_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, GENERATED],
        capture_output=True, text=True, cwd=PYTHON_SRC, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
