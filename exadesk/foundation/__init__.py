"""The foundation every layer stands on: the clock, error kinds and keyed sentences, input rules, paths,
check results, and the small output helpers. It imports nothing else of ExaDesk."""
