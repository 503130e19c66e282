-- Release 0.1.0's queries as it sent them during its test suite on H2 (scripts/record-queries.sh), one a line.
SELECT content FROM page_revision WHERE id = ?
SELECT id, page_type, path, live_revision_id, first_published_at, last_published_at FROM page WHERE path = ? AND live = TRUE
SELECT live_content FROM page WHERE id = ?
delete from menu_item mi1_0 where mi1_0.menu_id=?
delete from menu_item mi1_0 where mi1_0.menu_id=? and mi1_0.parent_item_id is not null
delete from redirect where id=?
delete from shared_content where id=?
delete from site_setting where setting_key=?
insert into api_token (created_at,label,last_used_at,revoked_at,token_hash,user_id,id) values (?,?,?,?,?,?,default)
insert into floe_user (active,created_at,email,name,password_hash,superuser,id) values (?,?,?,?,?,?,default)
insert into menu (label,name,updated_at,updated_by,id) values (?,?,?,?,default)
insert into menu_item (label,menu_id,page_id,parent_item_id,position,url,id) values (?,?,?,?,?,?,default)
insert into page (created_at,depth,draft_content,draft_saved_at,draft_saved_by,draft_version,first_published_at,has_unpublished_changes,last_published_at,live,live_content,live_revision_id,live_title,parent_id,path,position,slug,title,page_type,id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,default)
insert into page_revision (author,content,created_at,draft_version,kind,page_id,slug,id) values (?,?,?,?,?,?,?,default)
insert into redirect (automatic,created_at,old_path,permanent,target_page_id,target_url,id) values (?,?,?,?,?,?,default)
insert into response_page (content,updated_at,updated_by,status_code) values (?,?,?,?)
insert into scheduled_job (action,claimed_by,created_at,created_by,done_at,outcome,page_id,revision_id,run_at,id) values (?,?,?,?,?,?,?,?,?,default)
insert into shared_content (blocks,created_at,name,title,updated_at,updated_by,id) values (?,?,?,?,?,?,default)
insert into site_setting (updated_at,updated_by,setting_value,setting_key) values (?,?,?,?)
select at1_0.id,at1_0.created_at,at1_0.label,at1_0.last_used_at,at1_0.revoked_at,at1_0.token_hash,at1_0.user_id from api_token at1_0 where at1_0.token_hash=?
select coalesce(max(p1_0.position),-1) from page p1_0 where p1_0.parent_id=?
select count(*) from page p1_0 where p1_0.id=?
select count(*) from redirect r1_0
select count(*) from shared_content sc1_0
select count(*) from shared_content sc1_0 where sc1_0.id=?
select count(*) from site_setting ss1_0 where ss1_0.setting_key=?
select count(p1_0.id) from page p1_0 where 1=1
select count(p1_0.id) from page p1_0 where p1_0.live
select count(p1_0.id) from page p1_0 where p1_0.live=true
select count(p1_0.id) from page p1_0 where p1_0.page_type=?
select count(p1_0.id) from page p1_0 where p1_0.page_type=? and p1_0.live
select count(p1_0.id) from page p1_0 where p1_0.page_type=? and p1_0.parent_id=?
select count(p1_0.id) from page p1_0 where p1_0.parent_id=?
select count(p1_0.id) from page p1_0 where p1_0.parent_id=? and p1_0.live
select count(p1_0.id) from page p1_0 where p1_0.parent_id=? and p1_0.live=true
select count(p1_0.id) from page p1_0 where p1_0.path=?
select count(p1_0.id) from page p1_0 where p1_0.path=? and p1_0.live
select m1_0.id,m1_0.label,m1_0.name,m1_0.updated_at,m1_0.updated_by from menu m1_0 where m1_0.name=?
select mi1_0.id,mi1_0.label,mi1_0.menu_id,mi1_0.page_id,mi1_0.parent_item_id,mi1_0.position,mi1_0.url from menu_item mi1_0 where mi1_0.menu_id=? order by mi1_0.position,mi1_0.id
select p1_0.id from page p1_0 where p1_0.parent_id=? and p1_0.slug=? fetch first ? rows only
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where 1=1 order by p1_0.path offset ? rows fetch first ? rows only
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.id in (?)
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.id in (?,?,?)
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.id in (?,?,?,?,?,?,?,?)
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.id in (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.id=?
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.id=? for update
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.live order by p1_0.path offset ? rows fetch first ? rows only
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.page_type=? and p1_0.live order by p1_0.path offset ? rows fetch first ? rows only
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.page_type=? and p1_0.parent_id=? order by p1_0.position,p1_0.id offset ? rows fetch first ? rows only
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.page_type=? order by p1_0.path offset ? rows fetch first ? rows only
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.parent_id=? and p1_0.live order by p1_0.position,p1_0.id offset ? rows fetch first ? rows only
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.parent_id=? and p1_0.live=true order by p1_0.position fetch first ? rows only
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.parent_id=? and p1_0.live=true order by p1_0.position offset ? rows fetch first ? rows only
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.parent_id=? order by p1_0.position
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.parent_id=? order by p1_0.position,p1_0.id offset ? rows fetch first ? rows only
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.path like ? escape '' order by p1_0.path
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.path=?
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.path=? and p1_0.live order by p1_0.path offset ? rows fetch first ? rows only
select p1_0.id,p1_0.created_at,p1_0.depth,p1_0.draft_content,p1_0.draft_saved_at,p1_0.draft_saved_by,p1_0.draft_version,p1_0.first_published_at,p1_0.has_unpublished_changes,p1_0.last_published_at,p1_0.live,p1_0.live_content,p1_0.live_revision_id,p1_0.live_title,p1_0.parent_id,p1_0.path,p1_0.position,p1_0.slug,p1_0.title,p1_0.page_type from page p1_0 where p1_0.path=? order by p1_0.path offset ? rows fetch first ? rows only
select p1_0.path,p1_0.last_published_at,p1_0.page_type from page p1_0 where p1_0.live=true order by p1_0.path fetch first ? rows only
select r1_0.id,r1_0.author,r1_0.content,r1_0.created_at,r1_0.draft_version,r1_0.kind,r1_0.page_id,r1_0.slug from page_revision r1_0 where r1_0.id=? and r1_0.page_id=?
select r1_0.id,r1_0.author,r1_0.content,r1_0.created_at,r1_0.draft_version,r1_0.kind,r1_0.page_id,r1_0.slug from page_revision r1_0 where r1_0.page_id=? and r1_0.draft_version=? order by r1_0.id desc fetch first ? rows only
select r1_0.id,r1_0.author,r1_0.content,r1_0.created_at,r1_0.draft_version,r1_0.kind,r1_0.page_id,r1_0.slug from page_revision r1_0 where r1_0.page_id=? order by r1_0.id desc
select r1_0.id,r1_0.automatic,r1_0.created_at,r1_0.old_path,r1_0.permanent,r1_0.target_page_id,r1_0.target_url from redirect r1_0
select r1_0.id,r1_0.automatic,r1_0.created_at,r1_0.old_path,r1_0.permanent,r1_0.target_page_id,r1_0.target_url from redirect r1_0 order by r1_0.old_path fetch first ? rows only
select r1_0.id,r1_0.automatic,r1_0.created_at,r1_0.old_path,r1_0.permanent,r1_0.target_page_id,r1_0.target_url from redirect r1_0 order by r1_0.old_path offset ? rows fetch first ? rows only
select r1_0.id,r1_0.automatic,r1_0.created_at,r1_0.old_path,r1_0.permanent,r1_0.target_page_id,r1_0.target_url from redirect r1_0 where r1_0.id=?
select r1_0.id,r1_0.automatic,r1_0.created_at,r1_0.old_path,r1_0.permanent,r1_0.target_page_id,r1_0.target_url from redirect r1_0 where r1_0.old_path=?
select rp1_0.status_code,rp1_0.content,rp1_0.updated_at,rp1_0.updated_by from response_page rp1_0 where rp1_0.status_code=?
select sc1_0.id from shared_content sc1_0 where sc1_0.name=? and sc1_0.id<>? fetch first ? rows only
select sc1_0.id from shared_content sc1_0 where sc1_0.name=? fetch first ? rows only
select sc1_0.id,sc1_0.blocks,sc1_0.created_at,sc1_0.name,sc1_0.title,sc1_0.updated_at,sc1_0.updated_by from shared_content sc1_0 order by sc1_0.name offset ? rows fetch first ? rows only
select sc1_0.id,sc1_0.blocks,sc1_0.created_at,sc1_0.name,sc1_0.title,sc1_0.updated_at,sc1_0.updated_by from shared_content sc1_0 where sc1_0.id=?
select sj1_0.id from scheduled_job sj1_0 where sj1_0.done_at is null and sj1_0.run_at<=? order by sj1_0.run_at,sj1_0.id
select sj1_0.id,sj1_0.action,sj1_0.claimed_by,sj1_0.created_at,sj1_0.created_by,sj1_0.done_at,sj1_0.outcome,sj1_0.page_id,sj1_0.revision_id,sj1_0.run_at from scheduled_job sj1_0 where sj1_0.id=? for update
select sj1_0.id,sj1_0.action,sj1_0.claimed_by,sj1_0.created_at,sj1_0.created_by,sj1_0.done_at,sj1_0.outcome,sj1_0.page_id,sj1_0.revision_id,sj1_0.run_at from scheduled_job sj1_0 where sj1_0.page_id=? and sj1_0.done_at is null order by sj1_0.run_at
select ss1_0.setting_key,ss1_0.updated_at,ss1_0.updated_by,ss1_0.setting_value from site_setting ss1_0 where ss1_0.setting_key=?
select u1_0.id,u1_0.active,u1_0.created_at,u1_0.email,u1_0.name,u1_0.password_hash,u1_0.superuser from floe_user u1_0 where u1_0.id=?
select u1_0.id,u1_0.active,u1_0.created_at,u1_0.email,u1_0.name,u1_0.password_hash,u1_0.superuser from floe_user u1_0 where upper(u1_0.email)=upper(?)
update api_token set created_at=?,label=?,last_used_at=?,revoked_at=?,token_hash=?,user_id=? where id=?
update page p1_0 set path=(?||substring(p1_0.path,(cast(? as integer)+1))),depth=(p1_0.depth+cast(? as integer)) where p1_0.path like ? escape ''
update page set created_at=?,depth=?,draft_content=?,draft_saved_at=?,draft_saved_by=?,draft_version=?,first_published_at=?,has_unpublished_changes=?,last_published_at=?,live=?,live_content=?,live_revision_id=?,live_title=?,parent_id=?,path=?,position=?,slug=?,title=?,page_type=? where id=?
update redirect set automatic=?,created_at=?,old_path=?,permanent=?,target_page_id=?,target_url=? where id=?
update response_page set content=?,updated_at=?,updated_by=? where status_code=?
update scheduled_job set action=?,claimed_by=?,created_at=?,created_by=?,done_at=?,outcome=?,page_id=?,revision_id=?,run_at=? where id=?
update shared_content set blocks=?,created_at=?,name=?,title=?,updated_at=?,updated_by=? where id=?
