-- Robot accounts: users without a password, bound to one collection or one team, whose tokens reach
-- only those collections. Deleting the collection or team deletes its robots (and so their tokens).

ALTER TABLE users ADD COLUMN robot_collection_id bigint;
ALTER TABLE users ADD COLUMN robot_team_id bigint;
ALTER TABLE users ADD COLUMN robot_created_by_user_id bigint;
ALTER TABLE users ADD CONSTRAINT fk_users_collections_robot_collection_id
    FOREIGN KEY (robot_collection_id) REFERENCES collections (id) ON DELETE CASCADE;
ALTER TABLE users ADD CONSTRAINT fk_users_teams_robot_team_id
    FOREIGN KEY (robot_team_id) REFERENCES teams (id) ON DELETE CASCADE;
ALTER TABLE users ADD CONSTRAINT fk_users_users_robot_created_by_user_id
    FOREIGN KEY (robot_created_by_user_id) REFERENCES users (id) ON DELETE SET NULL;
-- A robot belongs to exactly one of the two, and never has a password.
ALTER TABLE users ADD CONSTRAINT ck_users_robot_scope
    CHECK (num_nonnulls(robot_collection_id, robot_team_id) = 0 OR (num_nonnulls(robot_collection_id, robot_team_id) = 1 AND password_hash IS NULL));
CREATE INDEX ix_users_robot_collection_id ON users (robot_collection_id);
CREATE INDEX ix_users_robot_team_id ON users (robot_team_id);
CREATE INDEX ix_users_robot_created_by_user_id ON users (robot_created_by_user_id);
