import { PostBoard } from './PostBoard';
import { PostList } from './PostList';

/** #/roster: the posts of my community; #/roster/<postId>: that post's week. */
export function RosterBoard({ postId }: { postId?: string }) {
  return postId ? <PostBoard postId={postId} /> : <PostList />;
}
