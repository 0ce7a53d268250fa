import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { saveGridGeometry } from '../api';
import type { Geometry } from '../types';
import { draftOf, geometryOf, selfIntersections, type Draft } from './boundary-draft';

/** Edit state of one grid's boundary: the draft, its live problems, and saving it. */
export function useBoundaryEdit(onSaved: () => void) {
  const [state, setState] = useState<{ gridId: number; draft: Draft; dirty: boolean } | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const crossings = useMemo(() => (state ? selfIntersections(state.draft) : []), [state]);

  const start = useCallback((gridId: number, geometry: Geometry) => {
    setServerError(null);
    setState({ gridId, draft: draftOf(geometry), dirty: false });
  }, []);
  const change = useCallback((draft: Draft) => setState((s) => s && { ...s, draft, dirty: true }), []);
  const cancel = useCallback(() => {
    setState(null);
    setServerError(null);
  }, []);
  const save = useCallback(async () => {
    if (!state) return;
    setSaving(true);
    setServerError(null);
    try {
      await saveGridGeometry(state.gridId, geometryOf(state.draft));
      setState(null);
      onSaved();
    } catch (err) {
      // Overlaps with neighbours and reaching outside the community are only known to the server.
      setServerError(err instanceof ApiError ? err.message : '保存失败，请稍后重试');
    } finally {
      setSaving(false);
    }
  }, [state, onSaved]);

  return { editing: state, crossings, serverError, saving, start, change, cancel, save };
}
