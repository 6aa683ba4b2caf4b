"""The NLP core: text in, events out. Free of HTTP and SQL."""
from service.extraction.extractor import Extractor
from service.extraction.models import Event, Extraction, TemporalExpression

__all__ = ["Event", "Extraction", "Extractor", "TemporalExpression"]
