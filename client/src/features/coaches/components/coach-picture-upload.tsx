import type { CoachDTO } from '@coachhub/shared/coach';
import { useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { CoachAvatar } from '@/components/coach/coach-avatar';
import { FormAlert } from '@/components/form/form-alert';
import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import type { FieldProblem } from '@/lib/field-problem';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useUploadCoachPicture } from '../api/upload-coach-picture';
import {
  ACCEPTED_IMAGE_TYPES,
  MAX_PICTURE_BYTES,
  checkImageFile,
  formatFileSize,
} from './image-file-check';

interface Chosen {
  file: File;
  previewUrl: string;
}

const readAsDataUrl = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });

/**
 * Choose, preview, then upload. The file is checked here first (type, size) so an obvious
 * mistake costs no upload; the server's own 413/415 are shown translated all the same.
 */
export const CoachPictureUpload = ({ coach }: { coach: CoachDTO }) => {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const upload = useUploadCoachPicture(coach._id);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [problem, setProblem] = useState<FieldProblem | undefined>();

  const clear = () => {
    setChosen(null);
    // The same file chosen again must fire `change` again.
    if (inputRef.current) inputRef.current.value = '';
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    upload.reset();
    const file = event.target.files?.[0];
    if (!file) return;
    const found = checkImageFile(file, i18n.language);
    setProblem(found);
    if (found) return clear();
    setChosen({ file, previewUrl: await readAsDataUrl(file) });
  };

  const send = () => {
    if (!chosen) return;
    upload.mutate(chosen.file, {
      onSuccess: () => {
        clear();
        notify('success', 'coaches.editor.pictureSaved');
      },
    });
  };

  return (
    <div className="picture-upload" data-testid="picture-upload">
      <div className="picture-upload__images">
        <CoachAvatar coach={coach} size="xl" />
        {chosen && (
          <img
            className="coach-avatar coach-avatar--xl picture-upload__preview"
            src={chosen.previewUrl}
            alt={t('coaches.editor.preview')}
            data-testid="picture-preview"
          />
        )}
      </div>
      <div className="picture-upload__controls">
        <label className="picture-upload__choose button button--secondary" htmlFor={inputId}>
          {t('coaches.editor.choosePicture')}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="visually-hidden"
          type="file"
          accept={ACCEPTED_IMAGE_TYPES.join(',')}
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => void choose(event)}
          data-testid="picture-input"
        />
        <p id={`${inputId}-hint`} className="field__hint">
          {t('coaches.editor.pictureHint', {
            max: formatFileSize(MAX_PICTURE_BYTES, i18n.language),
          })}
        </p>
        {problem && (
          <p className="field__error" role="alert" data-testid="picture-problem">
            {t(problem.key, problem.values)}
          </p>
        )}
        <FormAlert message={upload.isError ? errorMessage(upload.error) : null} />
        {chosen && (
          <div className="form__actions">
            <Button
              onClick={send}
              isBusy={upload.isPending}
              busyLabel={t('coaches.editor.uploading')}
              data-testid="picture-save"
            >
              {t('coaches.editor.uploadPicture')}
            </Button>
            <Button variant="ghost" onClick={clear} disabled={upload.isPending}>
              {t('coaches.editor.cancelPicture')}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
};
