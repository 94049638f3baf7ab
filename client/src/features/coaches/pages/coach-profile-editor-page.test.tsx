import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRoutes } from '@/testing/fake-api';
import { makeCoach, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const grace = makeUser({ _id: 'coach-7', role: 'coach', firstName: 'Grace', lastName: 'Hopper' });
const graceCoach = makeCoach({
  _id: 'coach-7',
  firstName: 'Grace',
  lastName: 'Hopper',
  headline: 'Leadership for engineers',
  verification: { status: 'pending', reason: null, reviewedAt: null },
});

const openEditor = async (routes: FakeRoutes = {}) => {
  const fake = installFakeApi({
    'GET /coaches/coach-7': () => ({ status: 200, data: graceCoach }),
    ...routes,
  });
  const view = renderApp({ url: '/practice/profile', user: grace });
  await screen.findByRole('form', { name: 'Profile details' });
  return { ...view, requests: fake.requests };
};

const png = () =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'me.png', { type: 'image/png' });

describe('CoachProfileEditorPage', () => {
  it('shows the profile with its verification state and a link to the public page', async () => {
    await openEditor();
    expect(screen.getByTestId('verification-notice')).toHaveTextContent(
      'Your profile is waiting for verification.',
    );
    expect(screen.getByRole('link', { name: 'View your public profile' })).toHaveAttribute(
      'href',
      '/coaches/coach-7',
    );
    expect(screen.getByLabelText('Headline')).toHaveValue('Leadership for engineers');
    expect(screen.getByRole('switch', { name: 'Show my profile in the directory' })).toBeChecked();
  });

  it('refuses a file that is not an image before uploading it', async () => {
    const { requests } = await openEditor();
    const input = screen.getByTestId('picture-input');

    // `fireEvent` rather than user.upload: the input's `accept` would filter the file out first.
    fireEvent.change(input, {
      target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] },
    });

    expect(await screen.findByTestId('picture-problem')).toHaveTextContent(
      'Choose a JPEG, PNG or WebP image.',
    );
    expect(screen.queryByTestId('picture-preview')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Upload picture' })).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('refuses an image above the size limit before uploading it', async () => {
    await openEditor();
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' });
    fireEvent.change(screen.getByTestId('picture-input'), { target: { files: [big] } });
    expect(await screen.findByTestId('picture-problem')).toHaveTextContent(
      'Choose an image of at most 5 MB.',
    );
  });

  it("shows the server's 415 translated, keeping the preview", async () => {
    const { user } = await openEditor({
      'POST /coaches/coach-7/profile-picture': () =>
        apiErrorReply(415, 'UNSUPPORTED_MEDIA_TYPE', 'Upload a JPEG, PNG or WebP image'),
    });

    await user.upload(screen.getByTestId('picture-input'), png());
    expect(await screen.findByRole('img', { name: 'Preview of your new picture' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Upload picture' }));

    const upload = screen.getByTestId('picture-upload');
    expect(await within(upload).findByRole('alert')).toHaveTextContent(
      'This file type is not supported.',
    );
    expect(screen.getByTestId('picture-preview')).toBeInTheDocument();
  });

  it('uploads a picture as multipart and shows it as the coach picture', async () => {
    const stored = { url: '/uploads/coach-pictures/new.png', publicId: 'coach-pictures/new.png' };
    const { user, requests } = await openEditor({
      'POST /coaches/coach-7/profile-picture': () => ({
        status: 200,
        data: { coachProfilePicture: stored },
      }),
    });

    await user.upload(screen.getByTestId('picture-input'), png());
    await user.click(await screen.findByRole('button', { name: 'Upload picture' }));

    await waitFor(() =>
      expect(
        within(screen.getByTestId('picture-upload')).getByRole('img', {
          name: 'Photo of Grace Hopper',
        }),
      ).toHaveAttribute('src', stored.url),
    );
    expect(screen.queryByTestId('picture-preview')).not.toBeInTheDocument();
    expect(screen.getByTestId('notification')).toHaveTextContent('Your picture has been updated.');
    const body = requests.find((request) => request.method === 'POST')?.body;
    expect(body).toBeInstanceOf(FormData);
    expect((body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('checks the limits before saving, then saves every field', async () => {
    const { user, requests } = await openEditor({
      'PATCH /coaches/coach-7': (request) => ({
        status: 200,
        data: { ...graceCoach, ...(request.body as object) },
      }),
    });
    const form = screen.getByRole('form', { name: 'Profile details' });

    const years = within(form).getByLabelText('Years of experience');
    await user.clear(years);
    await user.type(years, '71');
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));
    expect(years).toHaveAccessibleDescription('Enter a whole number from 0 to 70.');
    expect(years).toHaveFocus();
    expect(requests.filter((request) => request.method === 'PATCH')).toHaveLength(0);

    await user.clear(years);
    await user.type(years, '12');
    await user.type(within(form).getByLabelText('Certifications'), '\nICF PCC');
    await user.click(
      within(form).getByRole('switch', { name: 'Show my profile in the directory' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Your coach profile has been saved.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      headline: 'Leadership for engineers',
      bio: 'I help new managers find their feet.',
      specialties: ['career', 'leadership'],
      languages: ['en', 'de'],
      certifications: ['ICF Professional Certified Coach (PCC)', 'ICF PCC'],
      yearsOfExperience: 12,
      timeZone: 'Europe/Berlin',
      listed: false,
    });
    expect(screen.getByTestId('verification-notice')).toHaveTextContent(
      'Your profile is hidden from the directory',
    );
  });

  it('is for coaches only', async () => {
    renderApp({ url: '/practice/profile', user: makeUser() });
    expect(await screen.findByTestId('forbidden')).toBeInTheDocument();
  });
});
