"""Readers pick answer spans out of retrieved passages (see :mod:`qa.reading.readers.base`)."""


def default_readers(data, settings=None) -> list:
    """Cover facts, service providers, arithmetic over cells, table cells, lists, fee schedules,
    "respectively" pairs, amounts paired with share classes, "from X to Y" changes, people's
    titles, every portfolio manager, the best or worst quarter, a fee waiver's term, the
    objective, the index tracked, a class's inception date, a manager's start, then spans (the trained reader,
    or typed candidates without it)."""
    from qa.reading.readers.bios import BioReader
    from qa.reading.readers.changes import ChangeReader
    from qa.reading.readers.cover import CoverReader
    from qa.reading.readers.derived import DerivedReader
    from qa.reading.readers.inception import InceptionReader
    from qa.reading.readers.lists import ListReader
    from qa.reading.readers.manager_since import ManagerSinceReader
    from qa.reading.readers.managers import ManagerReader
    from qa.reading.readers.objective import ObjectiveReader
    from qa.reading.readers.pairs import PairReader
    from qa.reading.readers.quarters import QuarterReader
    from qa.reading.readers.respectively import RespectivelyReader
    from qa.reading.readers.roles import RoleReader
    from qa.reading.readers.schedule import ScheduleReader
    from qa.reading.readers.table import TableReader
    from qa.reading.readers.tracked_index import TrackedIndexReader
    from qa.reading.readers.typed import TypedReader
    from qa.reading.readers.waiver_term import WaiverTermReader
    from qa.runtime import models
    table = TableReader(data)
    structural = [CoverReader(data.sources), RoleReader(data.sources), DerivedReader(data, like=table), table,
                  ListReader(data.sources), ScheduleReader(), RespectivelyReader(), PairReader(), ChangeReader(), BioReader(),
                  ManagerReader(data), QuarterReader(data.sources), WaiverTermReader(data.sources),
                  ObjectiveReader(data.sources), TrackedIndexReader(data.sources), InceptionReader(data.sources),
                  ManagerSinceReader(data.sources)]
    if models.reader_available():
        from qa.reading.readers.neural import NeuralReader
        from qa.settings import Settings
        settings = settings or Settings()
        return structural + [NeuralReader(max_len=settings.window_tokens, stride=settings.window_stride,
                                          max_answer_tokens=settings.max_answer_tokens,
                                          precision=settings.reader_precision,
                                          complete_phrases=settings.complete_phrases)]
    return structural + [TypedReader(data)]
