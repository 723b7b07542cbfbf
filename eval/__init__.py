"""The checkout's evaluation runs and reports: thin entry points over qa.evaluation, the real-filings and TAT-QA runners."""
