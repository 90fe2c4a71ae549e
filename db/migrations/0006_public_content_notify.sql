-- Public pages (home, nominate, winners, archive) are cached in each app server's memory
-- (app/server/page-cache.ts). Any committed change to what they show notifies every server
-- listening on 'csa_public_content', whichever code path made it. NOTIFY is transactional:
-- it is delivered at commit, never for a rollback, and repeats within one transaction collapse.
CREATE OR REPLACE FUNCTION csa_public_content_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('csa_public_content', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cycles_public_content
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cycles
  FOR EACH STATEMENT EXECUTE FUNCTION csa_public_content_changed();
--> statement-breakpoint
CREATE TRIGGER categories_public_content
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
  FOR EACH STATEMENT EXECUTE FUNCTION csa_public_content_changed();
--> statement-breakpoint
CREATE TRIGGER questions_public_content
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON questions
  FOR EACH STATEMENT EXECUTE FUNCTION csa_public_content_changed();
--> statement-breakpoint
-- Nominations are public only once shortlisted, highly commended or winners: drafts and
-- submissions (the nomination deadline's burst) never fire this.
CREATE TRIGGER nominations_public_content_insert
  AFTER INSERT ON nominations
  FOR EACH ROW WHEN (NEW.status IN ('shortlisted', 'highly_commended', 'winner'))
  EXECUTE FUNCTION csa_public_content_changed();
--> statement-breakpoint
CREATE TRIGGER nominations_public_content_update
  AFTER UPDATE ON nominations
  FOR EACH ROW WHEN (OLD.status IN ('shortlisted', 'highly_commended', 'winner') OR NEW.status IN ('shortlisted', 'highly_commended', 'winner'))
  EXECUTE FUNCTION csa_public_content_changed();
--> statement-breakpoint
CREATE TRIGGER nominations_public_content_delete
  AFTER DELETE ON nominations
  FOR EACH ROW WHEN (OLD.status IN ('shortlisted', 'highly_commended', 'winner'))
  EXECUTE FUNCTION csa_public_content_changed();
