-- report_counts (0007) replaces the day-grained report_rollup of 0006.
DROP TABLE `report_rollup`;
