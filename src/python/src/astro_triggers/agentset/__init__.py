"""Agentset: ingest jobs (list, create, start, track, get, delete, re_ingest)."""
from .._generated.agentset import (
    BatchPayload, CrawlPayload, CreateIngestJobRequest, FilePayload, IngestJob, IngestJobConfig, IngestJobPayload,
    IngestJobStatus, ManagedFilePayload, TextPayload, YoutubePayload,
)
from ._status import map_ingest_job_status
from .client import AgentsetClient, AsyncAgentsetClient
from .ingest_jobs import AsyncIngestJobRun, AsyncIngestJobsClient, IngestJobRun, IngestJobsClient
from .options import AgentsetRequestOptions
from .model_factory import AgentsetModelFactory

__all__ = ["AgentsetModelFactory", 
    "AgentsetClient", "AsyncAgentsetClient", "IngestJobsClient", "AsyncIngestJobsClient", "IngestJobRun",
    "AsyncIngestJobRun", "AgentsetRequestOptions", "map_ingest_job_status", "IngestJob", "CreateIngestJobRequest",
    "IngestJobPayload", "TextPayload", "FilePayload", "ManagedFilePayload", "CrawlPayload", "YoutubePayload",
    "BatchPayload", "IngestJobConfig", "IngestJobStatus",
]
