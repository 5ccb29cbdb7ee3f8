-- 005: which analysis produced each article (AnalyzedArticle.analysisVersion), so stats and the
-- server can say how many articles an upgrade would analyse differently. NULL for articles
-- analysed before this migration.
ALTER TABLE articles ADD COLUMN analysis_version TEXT;
CREATE INDEX articles_by_analysis_version ON articles (analysis_version);
