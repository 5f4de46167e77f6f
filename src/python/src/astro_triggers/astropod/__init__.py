"""Astropod: deployments (list, get, list_ingestion_sources) and manual ingestions (start)."""
from .._generated.astropod import DeploymentDetails, DeploymentSummary
from .client import AstropodClient, AsyncAstropodClient
from .clients import AsyncDeploymentsClient, AsyncIngestionsClient, DeploymentsClient, IngestionsClient
from .models import IngestionSource, IngestionTrigger
from .model_factory import AstropodModelFactory

__all__ = ["AstropodModelFactory", "AstropodClient", "AsyncAstropodClient", "DeploymentsClient", "AsyncDeploymentsClient",
           "IngestionsClient", "AsyncIngestionsClient", "IngestionSource", "IngestionTrigger", "DeploymentSummary",
           "DeploymentDetails"]
