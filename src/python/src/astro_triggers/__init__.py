from ._core.errors.astro_triggers_error import AstroTriggersError
from ._core.errors.client_errors import InvalidArgumentError
