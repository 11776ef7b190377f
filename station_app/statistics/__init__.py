"""Monthly statistics of the registers (Operation Muskaan progress reports).

Figures are counted in the database with GROUP BY over indexed dates; this package
never loads the records themselves. No Qt here: the CLI, PDF and GUI all call it.
"""
